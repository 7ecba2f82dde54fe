import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { nameOptions } from './names';

export interface AuditFilter {
  action?: string;
  entityType?: string;
  actor?: string;
  from?: string;
  to?: string;
}

interface Day {
  format(template: string): string;
  add(value: number, unit: 'day'): Day;
}

interface FilterValues {
  action?: string;
  entityType?: string;
  actor?: string;
  range?: [Day | null, Day | null] | null;
}

/** Filters of the audit list; empty fields are left out of the query. */
export function AuditFilters({ onChange }: { onChange(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const submit = (values: FilterValues) => {
    const text = (value?: string) => value?.trim() || undefined;
    onChange({
      action: values.action || undefined,
      entityType: values.entityType || undefined,
      actor: text(values.actor),
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      // Days as people in Qianjiang live them: the API reads plain dates as days in China (UTC+8).
      // Its `to` is exclusive; the picker's end day is meant to be included.
      to: values.range?.[1]?.add(1, 'day').format('YYYY-MM-DD'),
    });
  };
  return (
    <Form name="auditFilter" layout="inline" onFinish={submit} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="action">
        <Select
          aria-label={t('audit.filters.action')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filters.action')}
          options={nameOptions(t, 'actions')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="entityType">
        <Select
          aria-label={t('audit.filters.entityType')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.filters.entityType')}
          options={nameOptions(t, 'entityTypes')}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.filters.actor')} maxLength={64} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
    </Form>
  );
}
