import { Card, Descriptions, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { type InspectionRectification, useLoad } from './shared';
import { useNarrow } from './useNarrow';

type Row = InspectionRectification;

const states = ['open', 'overdue', 'closed'] as const;

/** 整改跟踪: the issues found on visits, open by due date with those overdue flagged, or closed. */
export function RectificationsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<(typeof states)[number]>('overdue');
  const [page, setPage] = useState(1);
  const found = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/inspections/rectifications', {
          params: { query: { state, page, pageSize: 10 } },
        }),
      ),
    [state, page],
  );
  const { data, loading } = found;
  // On a phone the filter goes under the title and a row shows the firm and the deadline; it
  // opens to the date, the item and the requirement.
  const narrow = useNarrow();
  const filter = (
    <Segmented
      aria-label={t('inspections.followUp.title')}
      value={state}
      onChange={(v) => {
        setState(v);
        setPage(1);
      }}
      options={states.map((s) => ({ value: s, label: t(`inspections.followUp.${s}`) }))}
      style={narrow ? { marginBottom: 8 } : undefined}
    />
  );
  const date = {
    title: t('inspections.plans.date'),
    dataIndex: 'date',
    render: (d: string) => <Day date={d} />,
  };
  const item = {
    title: t('inspections.plans.items'),
    key: 'item',
    render: (_: unknown, r: Row) => withNote(t, r.item, r.unit),
  };
  const requirement = { title: t('inspections.visits.requirement'), dataIndex: 'requirement' };
  return (
    <Card
      size="small"
      title={t('inspections.followUp.title')}
      data-testid="rectifications"
      extra={narrow ? undefined : filter}
    >
      {narrow && filter}
      <Table<Row>
        size="small"
        loading={loading}
        locale={{ emptyText: emptyUnlessFailed(found) }}
        rowKey="findingId"
        dataSource={data?.items ?? []}
        scroll={narrow ? undefined : { x: true }}
        expandable={
          narrow
            ? {
                expandedRowRender: (r) => (
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label={date.title}>{date.render(r.date)}</Descriptions.Item>
                    <Descriptions.Item label={item.title}>{item.render(null, r)}</Descriptions.Item>
                    <Descriptions.Item label={requirement.title}>{r.requirement}</Descriptions.Item>
                  </Descriptions>
                ),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: 10,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('inspections.plans.firm'), dataIndex: 'firm' },
          // Dates on one line: in the narrow column 2026-11-16 broke after "2026-11-".
          ...(narrow ? [] : [date, item, requirement]),
          {
            title: t('inspections.followUp.due'),
            key: 'due',
            render: (_, r) =>
              r.rectifiedAt ? (
                <Tag color="success">
                  {t('inspections.results.rectifiedAt', {
                    date: dayInChina(r.rectifiedAt),
                  })}
                </Tag>
              ) : (
                <>
                  <Day date={r.dueDate} />{' '}
                  {r.dueProvisional && r.dueDate && (
                    <Tag
                      color="gold"
                      data-testid="rectification-due-provisional"
                      title={t('inspections.followUp.dueProvisional', { year: r.dueDate.slice(0, 4) })}
                    >
                      {t('inspections.followUp.dueProvisionalTag')}
                    </Tag>
                  )}
                  {r.overdue ? (
                    <Tag color="red">
                      {t('inspections.followUp.overdueBy', { count: -(r.workdaysLeft ?? 0) })}
                    </Tag>
                  ) : (
                    <Tag color="orange">
                      {t('inspections.results.workdaysLeft', { count: r.workdaysLeft ?? 0 })}
                    </Tag>
                  )}
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}

const Day = ({ date }: { date: string | null }) => (
  <span style={{ whiteSpace: 'nowrap' }} data-testid="day">
    {date}
  </span>
);
