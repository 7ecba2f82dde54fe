import { Card, Descriptions, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { fixedPaging } from '../../components/fixedPaging';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { type InspectionFigureRow, useLoad } from './shared';
import { useNarrow } from './useNarrow';

type Row = InspectionFigureRow;

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
  // On a phone the year goes under the title, and a row shows the quarter, the department, its
  // visits and the joint share; it opens to the hours saved and the rectifications.
  const narrow = useNarrow();
  const pickYear = (
    <Space style={narrow ? { marginBottom: 8 } : undefined}>
      <label htmlFor="figures-year">{t('inspections.figures.year')}</label>
      <InputNumber id="figures-year" min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} />
    </Space>
  );
  const more = [
    {
      title: t('inspections.figures.hoursSaved'),
      key: 'saved',
      render: (_: unknown, r: Row) => r.firmHoursSaved,
    },
    { title: t('inspections.figures.reported'), key: 'reported', render: (_: unknown, r: Row) => r.reported },
    { title: t('inspections.figures.returned'), key: 'returned', render: (_: unknown, r: Row) => r.returned },
    {
      title: t('inspections.figures.rectified'),
      key: 'rect',
      render: (_: unknown, r: Row) => `${r.rectified}/${r.issues}`,
    },
    { title: t('inspections.figures.overdue'), key: 'overdue', render: (_: unknown, r: Row) => r.overdue },
  ];
  return (
    <Card
      size="small"
      data-testid="inspection-figures"
      title={t('inspections.figures.title')}
      extra={narrow ? undefined : pickYear}
    >
      {narrow && pickYear}
      <Typography.Paragraph type="secondary">
        {t('inspections.figures.hint', { hours: data?.receptionHours ?? 1 })}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        loading={loading}
        locale={{ emptyText: emptyUnlessFailed(figures) }}
        rowKey={(r) => `${r.unitId}/${r.quarter}`}
        dataSource={data?.rows ?? []}
        pagination={fixedPaging()}
        scroll={narrow ? undefined : { x: true }}
        expandable={
          narrow
            ? {
                expandIcon: namedExpandIcon(t, (r: Row) => `${r.unit} Q${r.quarter}`),
                expandedRowRender: (r) => (
                  <Descriptions size="small" column={1}>
                    {more.map((c) => (
                      <Descriptions.Item key={c.key} label={c.title}>
                        {c.render(null, r)}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              }
            : undefined
        }
        columns={[
          { title: t('inspections.figures.quarter'), key: 'q', render: (_, r) => `Q${r.quarter}` },
          { title: t('inspections.plans.departments'), dataIndex: 'unit' },
          { title: t('inspections.figures.visits'), dataIndex: 'visits' },
          {
            title: t('inspections.figures.jointShare'),
            key: 'share',
            render: (_, r) => `${Math.round(r.jointShare * 100)}%`,
          },
          ...(narrow ? [] : more),
        ]}
      />
    </Card>
  );
}
