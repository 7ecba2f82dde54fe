import { Card, Descriptions, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { dayInChina } from '../../components/dayInChina';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { withNote } from '../../components/phrases';
import { namedExpandIcon } from '../../components/RowExpandIcon';
import { type InspectionRectification, useLoad } from './shared';
import { useNarrow } from './useNarrow';
import { VerifyRectification } from './VerifyRectification';

type Row = InspectionRectification;

const states = ['open', 'overdue', 'returned', 'reported', 'closed'] as const;

/**
 * 整改跟踪: the issues found on visits, awaiting the firm by due date (overdue flagged, returned
 * ones with their reason), reported and awaiting verification, which the item's department
 * accepts or returns here, or accepted.
 */
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
                expandIcon: namedExpandIcon(t, (r: Row) => `${r.firm} · ${r.requirement}`),
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
            render: (_, r) => <Progress row={r} />,
          },
          ...(data?.items.some((r) => r.allowed.length > 0)
            ? [
                {
                  title: t('inspections.followUp.stage'),
                  key: 'verify',
                  render: (_: unknown, r: Row) => (
                    <VerifyRectification row={r} onDone={() => void found.reload()} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Where one rectification stands: accepted, reported awaiting verification, or due (returned or not). */
function Progress({ row: r }: { row: Row }) {
  const { t } = useTranslation();
  if (r.stage === 'verified' && r.verifiedAt)
    return (
      <Tag color="success">{t('inspections.results.verifiedAt', { date: dayInChina(r.verifiedAt) })}</Tag>
    );
  if (r.stage === 'reported' && r.rectifiedAt)
    return (
      <Flex vertical gap={2} data-testid="rectification-reported">
        <span>
          <Tag color="processing">{t('inspections.followUp.stages.reported')}</Tag>
          {t('inspections.results.reportedAt', { date: dayInChina(r.rectifiedAt) })}
        </span>
        {r.rectificationNote && (
          <Typography.Text>
            {withNote(t, t('inspections.followUp.reportNote'), r.rectificationNote)}
          </Typography.Text>
        )}
        {r.returnReason && (
          <Typography.Text type="secondary">
            {t('inspections.followUp.lastReturn', { reason: r.returnReason })}
          </Typography.Text>
        )}
      </Flex>
    );
  return (
    <Flex vertical gap={2}>
      <span>
        <Day date={r.dueDate} />{' '}
        {r.dueProvisional !== null && r.dueDate && (
          <Tag
            color="gold"
            data-testid="rectification-due-provisional"
            title={t('inspections.followUp.dueProvisional', { year: r.dueProvisional })}
          >
            {t('inspections.followUp.dueProvisionalTag')}
          </Tag>
        )}
        {r.overdue ? (
          <Tag color="red">{t('inspections.followUp.overdueBy', { count: -(r.workdaysLeft ?? 0) })}</Tag>
        ) : (
          <Tag color="orange">{t('inspections.results.workdaysLeft', { count: r.workdaysLeft ?? 0 })}</Tag>
        )}
      </span>
      {r.stage === 'returned' && r.returnReason && (
        <Typography.Text type="warning" data-testid="rectification-returned">
          {t('inspections.results.returnReason', { reason: r.returnReason })}
        </Typography.Text>
      )}
    </Flex>
  );
}

const Day = ({ date }: { date: string | null }) => (
  <span style={{ whiteSpace: 'nowrap' }} data-testid="day">
    {date}
  </span>
);
