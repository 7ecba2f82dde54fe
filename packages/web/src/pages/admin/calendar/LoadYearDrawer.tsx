import {
  builtInYears,
  type HolidaySpan,
  isIsoDate,
  type MakeupWorkday,
  type Notice,
  parseHolidayNotice,
  problemsWithLoaded,
} from '@qianxing/core/calendar';
import { Alert, Button, Descriptions, Drawer, Flex, Form, Input, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { fieldMessage } from '../../../api/fieldMessage';
import { applyProblemToForm } from '../../../api/formErrors';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { problemText } from '../../../components/useProblemHandler';
import { type CalendarYear, saveCalendarYear } from './api';

/** The notice's particulars, named as the request names them, so the server's field errors land on them. */
interface Values {
  sources: [Notice];
}

/** The dates are what the preview checks; the notice's particulars are the form's, checked by the server. */
const checkedOnly: Notice = { title: '-', number: '-', issued: '2000-01-01', url: 'https://www.gov.cn/' };

const isHttps = (value: string) => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * Loading a year: the office pastes the State Council General Office's notice, sees what was read
 * from it (and what could not be, never dropped unsaid), adds its document number and address, and
 * saves. The reading is the one the server's calendar checks (@qianxing/core/calendar).
 */
export function LoadYearDrawer({
  open,
  years,
  onClose,
  onSaved,
}: {
  open: boolean;
  years: readonly CalendarYear[];
  onClose(): void;
  onSaved(year: number): void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} title={t('calendar.drawer.title')} size="large" destroyOnHidden>
      {open && <LoadYearForm years={years} onSaved={onSaved} />}
    </Drawer>
  );
}

function LoadYearForm({ years, onSaved }: { years: readonly CalendarYear[]; onSaved(year: number): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const [text, setText] = useState('');
  const parsed = useMemo(() => parseHolidayNotice(text), [text]);
  const { year, holidays, workdays, unread } = parsed;
  const known = years.find((y) => y.year === year);
  // The checks the server makes, made here on the preview: every way the dates do not add up with
  // the years already held, worded as the server's refusal would be.
  const problems = useMemo(() => {
    // A built-in year is refused as such (the browser's calendar holds it already).
    if (year === undefined || builtInYears.includes(year) || holidays.length === 0) return [];
    const others = years.filter((y) => !y.builtIn && y.year !== year).map((y) => y.arrangement);
    try {
      return problemsWithLoaded([...others, { year, sources: [checkedOnly], holidays, workdays }]).map((p) =>
        fieldMessage(t, {
          message: p.message,
          code: 'calendar_inconsistent',
          params: { value: p.message, ...(p.fault ? { origin: p.fault } : {}), ...p.params },
        }),
      );
    } catch {
      return [];
    }
  }, [t, year, years, holidays, workdays]);
  // What the server refused, every problem of it, shown on the page until the text changes.
  const [refusal, setRefusal] = useState<{ title: string; items: string[] } | null>(null);

  // What the notice says of itself fills its fields, until the office writes in them.
  useEffect(() => {
    for (const [field, value] of [
      ['title', parsed.title],
      ['number', parsed.number],
      ['issued', parsed.issued],
    ] as const) {
      const name = ['sources', 0, field] as ['sources', number, typeof field];
      if (value && !form.isFieldTouched(name)) form.setFieldValue(name, value);
    }
  }, [form, parsed.title, parsed.number, parsed.issued]);

  const { submit, busy } = useFormSubmit(
    form,
    async (values: Values) => {
      if (year === undefined) return;
      await saveCalendarYear(api, { year, sources: values.sources, holidays, workdays });
      onSaved(year);
    },
    {
      onProblem: (problem) => {
        if (!problem.errors?.length) return false;
        const word = (e: { message: string; code?: string; params?: Record<string, string | number> }) =>
          fieldMessage(t, e);
        const { unmatched } = applyProblemToForm(form, problem, word);
        if (unmatched.length > 0) setRefusal({ title: problemText(t, problem), items: unmatched.map(word) });
        return true;
      },
      labelOf: (path) =>
        path === 'year'
          ? t('calendar.fields.year')
          : path.startsWith('holidays')
            ? t('calendar.drawer.holidays')
            : path.startsWith('workdays')
              ? t('calendar.drawer.workdays')
              : undefined,
    },
  );
  const ready =
    year !== undefined &&
    holidays.length > 0 &&
    unread.length === 0 &&
    problems.length === 0 &&
    !known?.builtIn;

  return (
    <Flex vertical gap={16}>
      <Flex vertical gap={8}>
        <Typography.Text strong>
          <label htmlFor="calendar-text">{t('calendar.drawer.text')}</label>
        </Typography.Text>
        <Typography.Text type="secondary" id="calendar-text-hint">
          {t('calendar.drawer.textHint')}
        </Typography.Text>
        <Input.TextArea
          id="calendar-text"
          aria-describedby="calendar-text-hint"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setRefusal(null);
          }}
          rows={10}
          data-testid="calendar-text"
        />
      </Flex>
      {text.trim() !== '' && year === undefined && (
        <Alert type="info" showIcon title={t('calendar.drawer.noYear')} />
      )}
      {year !== undefined && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('calendar.drawer.readYear')}>
            <span data-testid="calendar-read-year">{t('calendar.drawer.year', { year })}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {known?.builtIn && <Alert type="error" showIcon title={t('calendar.drawer.builtIn', { year })} />}
      {known && !known.builtIn && (
        <Alert type="info" showIcon title={t('calendar.drawer.replaces', { year })} />
      )}
      {unread.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.drawer.unread', { count: unread.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="calendar-unread">
              {unread.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('calendar.drawer.problems', { count: problems.length })}
          description={<Problems items={problems} testId="calendar-problems" />}
        />
      )}
      {year !== undefined && (
        <>
          <Table<HolidaySpan>
            title={() => t('calendar.drawer.holidays')}
            rowKey={(h) => `${h.name}${h.start}`}
            size="small"
            pagination={false}
            dataSource={holidays}
            data-testid="calendar-preview-holidays"
            locale={{ emptyText: t('calendar.drawer.noHolidays') }}
            columns={[
              { title: t('calendar.drawer.name'), dataIndex: 'name', key: 'name' },
              {
                title: t('calendar.drawer.dates'),
                key: 'dates',
                render: (_, h) =>
                  h.start === h.end ? h.start : t('common.dateRange', { from: h.start, to: h.end }),
              },
              { title: t('calendar.drawer.days'), dataIndex: 'days', key: 'days' },
              { title: t('calendar.drawer.note'), dataIndex: 'note', key: 'note' },
            ]}
          />
          <Table<MakeupWorkday>
            title={() => t('calendar.drawer.workdays')}
            rowKey="date"
            size="small"
            pagination={false}
            dataSource={workdays}
            data-testid="calendar-preview-workdays"
            locale={{ emptyText: t('calendar.drawer.noWorkdays') }}
            columns={[
              { title: t('calendar.drawer.date'), dataIndex: 'date', key: 'date' },
              { title: t('calendar.drawer.forHoliday'), dataIndex: 'name', key: 'name' },
            ]}
          />
        </>
      )}
      <Form form={form} name="calendarNotice" layout="vertical" onFinish={submit}>
        <Form.Item
          name={['sources', 0, 'title']}
          label={t('calendar.drawer.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('calendar.drawer.titleRequired') }]}
        >
          <Input data-testid="calendar-title" />
        </Form.Item>
        <Form.Item
          name={['sources', 0, 'number']}
          label={t('calendar.drawer.fields.number')}
          rules={[{ required: true, whitespace: true, message: t('calendar.drawer.numberRequired') }]}
        >
          <Input placeholder={t('calendar.drawer.numberPlaceholder')} data-testid="calendar-number" />
        </Form.Item>
        <Form.Item
          name={['sources', 0, 'issued']}
          label={t('calendar.drawer.fields.issued')}
          rules={[
            {
              required: true,
              validator: async (_, value: string | undefined) => {
                if (!value || !isIsoDate(value)) throw new Error(t('calendar.drawer.issuedInvalid'));
              },
            },
          ]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="calendar-issued" />
        </Form.Item>
        <Form.Item
          name={['sources', 0, 'url']}
          label={t('calendar.drawer.fields.url')}
          rules={[
            {
              required: true,
              validator: async (_, value: string | undefined) => {
                if (!value || !isHttps(value.trim())) throw new Error(t('calendar.drawer.urlInvalid'));
              },
            },
          ]}
          normalize={(value: string) => value.trim()}
        >
          <Input type="url" placeholder="https://www.gov.cn/…" data-testid="calendar-url" />
        </Form.Item>
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={refusal.title}
            description={<Problems items={refusal.items} testId="calendar-refusal" />}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!ready} data-testid="calendar-save">
          {t('calendar.drawer.save')}
        </Button>
      </Form>
    </Flex>
  );
}

function Problems({ items, testId }: { items: readonly string[]; testId: string }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={testId}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
