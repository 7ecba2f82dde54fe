import { Alert, Button, Flex, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { dayInChina, momentInChina } from '../../../components/dayInChina';
import { useFeedback } from '../../../components/Feedback';
import { emptyUnlessFailed } from '../../../components/LoadFailed';
import { NewTabHint } from '../../../components/NewTabHint';
import { RowActionButton } from '../../../components/rowActions';
import { useLoad } from '../../../components/useLoad';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useSession } from '../../../session/SessionContext';
import { type CalendarYear, listCalendarYears, removeCalendarYear } from './api';
import { LoadYearDrawer } from './LoadYearDrawer';
import { adoptCalendarYears } from './loadedYears';

const daysOff = (year: CalendarYear) => year.arrangement.holidays.reduce((sum, h) => sum + h.days, 0);

/**
 * 工作日历: the years whose holiday arrangement the working-day deadlines follow, built in with
 * the code or loaded by the office from the State Council General Office's yearly notice.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { can } = useSession();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const years = useLoad(() => listCalendarYears(api), []);
  const { data } = years;
  // What this page lists, the browser's calendar counts with too.
  useEffect(() => {
    if (data) adoptCalendarYears(data);
  }, [data]);

  // The year after this one in China: deadlines there count Monday to Friday until it is loaded.
  const next = Number(dayInChina(new Date().toISOString()).slice(0, 4)) + 1;
  const uncovered = data !== null && !data.some((y) => y.year === next);

  const unload = async (year: number) => {
    try {
      await removeCalendarYear(api, year);
      void message.success(t('calendar.unloaded', { year }));
      await years.reload();
    } catch (error) {
      onProblem(error);
    }
  };

  const columns: TableColumnsType<CalendarYear> = [
    { title: t('calendar.fields.year'), dataIndex: 'year', key: 'year' },
    {
      title: t('calendar.fields.basis'),
      key: 'basis',
      render: (_, year) => (
        <Flex vertical gap={2}>
          {year.arrangement.sources.map((source) => (
            <span key={source.url + source.number}>
              <a href={source.url} target="_blank" rel="noreferrer">
                {source.title}
                <NewTabHint />
              </a>
              {t('common.inParens', { text: source.number })}
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('calendar.fields.daysOff'),
      key: 'daysOff',
      render: (_, year) => t('calendar.days', { count: daysOff(year) }),
    },
    {
      title: t('calendar.fields.workdays'),
      key: 'workdays',
      render: (_, year) => t('calendar.days', { count: year.arrangement.workdays.length }),
    },
    {
      title: t('calendar.fields.source'),
      key: 'source',
      render: (_, year) =>
        year.builtIn ? (
          <Tag>{t('calendar.builtIn')}</Tag>
        ) : (
          <Space size={4} wrap>
            <Tag color="blue">{t('calendar.loaded')}</Tag>
            {year.loadedBy && year.loadedAt && (
              <Typography.Text type="secondary">
                {t('calendar.loadedBy', { who: year.loadedBy, when: momentInChina(year.loadedAt) })}
              </Typography.Text>
            )}
          </Space>
        ),
    },
    ...(data?.some((y) => y.allowed.includes('unload'))
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, year: CalendarYear) =>
              year.allowed.includes('unload') && (
                <Popconfirm
                  title={t('calendar.confirmUnload', { year: year.year })}
                  description={t('calendar.unloadHint', { year: year.year })}
                  onConfirm={() => unload(year.year)}
                >
                  <RowActionButton
                    type="link"
                    danger
                    data-testid={`calendar-unload-${year.year}`}
                    action={t('common.delete')}
                    row={t('calendar.arrangementOf', { year: year.year })}
                  />
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('calendar.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('calendar.intro')}</Typography.Text>
      </div>
      {uncovered && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.uncovered', { year: next })}
          data-testid="calendar-uncovered"
        />
      )}
      {can('calendar.load') && (
        <div>
          <Button type="primary" onClick={() => setDrawerOpen(true)} data-testid="calendar-load">
            {t('calendar.load')}
          </Button>
        </div>
      )}
      <Table<CalendarYear>
        rowKey="year"
        size="middle"
        columns={columns}
        dataSource={data ?? []}
        loading={years.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        // While the years load the table says so, never that there is none.
        locale={{ emptyText: years.loading ? t('calendar.loading') : emptyUnlessFailed(years) }}
      />
      <LoadYearDrawer
        open={drawerOpen}
        years={data ?? []}
        onClose={() => setDrawerOpen(false)}
        onSaved={(year) => {
          setDrawerOpen(false);
          void message.success(t('calendar.drawer.saved', { year }));
          void years.reload();
        }}
      />
    </Flex>
  );
}
