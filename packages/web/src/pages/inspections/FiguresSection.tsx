import { Card, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { useLoad } from './shared';

/** Per department and quarter: visits, the share done jointly, firm-hours saved, rectifications closed. */
export function FiguresSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [year, setYear] = useState(() => Number(dayInChina(new Date().toISOString()).slice(0, 4)));
  const figures = useLoad(
    async () => unwrap(await api.GET('/api/v1/inspections/figures', { params: { query: { year } } })),
    [year],
  );
  const { data, loading } = figures;
  return (
    <Card
      size="small"
      data-testid="inspection-figures"
      title={t('inspections.figures.title')}
      extra={
        <Space>
          <label htmlFor="figures-year">{t('inspections.figures.year')}</label>
          <InputNumber
            id="figures-year"
            min={2020}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('inspections.figures.hint', { hours: data?.receptionHours ?? 1 })}
      </Typography.Paragraph>
      <Table
        size="small"
        loading={loading}
        locale={{ emptyText: emptyUnlessFailed(figures) }}
        rowKey={(r) => `${r.unitId}/${r.quarter}`}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: true }}
        columns={[
          { title: t('inspections.figures.quarter'), key: 'q', render: (_, r) => `Q${r.quarter}` },
          { title: t('inspections.plans.departments'), dataIndex: 'unit' },
          { title: t('inspections.figures.visits'), dataIndex: 'visits' },
          {
            title: t('inspections.figures.jointShare'),
            key: 'share',
            render: (_, r) => `${Math.round(r.jointShare * 100)}%`,
          },
          { title: t('inspections.figures.hoursSaved'), dataIndex: 'firmHoursSaved' },
          {
            title: t('inspections.figures.rectified'),
            key: 'rect',
            render: (_, r) => `${r.rectified}/${r.issues}`,
          },
          { title: t('inspections.figures.overdue'), dataIndex: 'overdue' },
        ]}
      />
    </Card>
  );
}
