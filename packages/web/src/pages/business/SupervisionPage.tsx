import { Card, Flex, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { emptyUnlessFailed, LoadFailed } from '../../components/LoadFailed';
import { useLoad } from '../../components/useLoad';

type Row = components['schemas']['SupervisionRow'];
type AwaitingRouting = components['schemas']['AwaitingRouting'];
type Flag = Exclude<keyof Row, 'departmentId' | 'departmentName'>;

const flags: Flag[] = [
  'open',
  'overdue',
  'dueSoon',
  'badRating',
  'rectifying',
  'appeal',
  'reminded',
  'repeated',
];
const alarming = new Set<Flag>(['overdue', 'badRating', 'reminded']);

/** Where a figure leads: the requests it counts, in the requests list. */
const drill = (flag: Flag, departmentId?: string) => {
  const query = new URLSearchParams();
  if (departmentId) query.set('departmentId', departmentId);
  if (flag !== 'open') query.set('flag', flag);
  return `/admin/business/requests?${query}`;
};

/** 纪委监督: the discipline commission's read-only dashboard of the firms' requests, per department. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/business/supervision')),
    [],
  );
  const figure = (flag: Flag, n: number, departmentId?: string) =>
    n === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Link to={drill(flag, departmentId)} style={alarming.has(flag) ? { color: '#a8071a' } : undefined}>
        {n}
      </Link>
    );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('business.supervision.title')}</Typography.Title>
        <Typography.Text type="secondary">
          {t('business.supervision.intro', { date: data?.asOf ?? '' })}
        </Typography.Text>
      </div>
      {/* Failed, the figures would all read 0: as if no request were overdue. */}
      {failed && !data ? (
        <LoadFailed onRetry={() => void reload()} />
      ) : (
        <>
          <Flex gap={12} wrap>
            <AwaitingRoutingCard loading={loading} awaiting={data?.awaitingRouting} asOf={data?.asOf} />
            {flags.map((flag) => (
              <Card key={flag} size="small" style={{ minWidth: 140 }} loading={loading}>
                <Statistic
                  title={t(`business.supervision.flags.${flag}`)}
                  valueRender={() => figure(flag, data?.total[flag] ?? 0)}
                  value={data?.total[flag] ?? 0}
                />
              </Card>
            ))}
          </Flex>
          <Table<Row>
            rowKey="departmentId"
            size="small"
            loading={loading}
            locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
            dataSource={data?.departments ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="supervision-table"
            columns={[
              { title: t('business.requests.department'), dataIndex: 'departmentName', width: 160 },
              // A figure's column is narrow and its heading wraps: nine columns fit a 1280 px window.
              ...flags.map((flag) => ({
                title: t(`business.supervision.flags.${flag}`),
                key: flag,
                width: 100,
                render: (_: unknown, row: Row) => figure(flag, row[flag], row.departmentId),
              })),
            ]}
          />
        </>
      )}
    </Flex>
  );
}

/**
 * 待分办: requests the office has not given to a department yet, which no department's row
 * counts; with how long the oldest has waited, so a backlog at routing shows too.
 */
function AwaitingRoutingCard({
  loading,
  awaiting,
  asOf,
}: {
  loading: boolean;
  awaiting: AwaitingRouting | undefined;
  asOf: string | undefined;
}) {
  const { t } = useTranslation();
  const n = awaiting?.count ?? 0;
  return (
    <Card size="small" style={{ minWidth: 180 }} loading={loading} data-testid="supervision-awaiting">
      <Statistic
        title={t('business.supervision.awaiting.title')}
        value={n}
        valueRender={() =>
          n === 0 ? (
            <Typography.Text type="secondary">0</Typography.Text>
          ) : (
            <Link to="/admin/business/requests?status=submitted">{n}</Link>
          )
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {awaiting?.oldestOn
          ? awaiting.oldestWorkdays > 0
            ? t('business.supervision.awaiting.oldest', {
                count: awaiting.oldestWorkdays,
                date: awaiting.oldestOn,
              })
            : // No working day yet: raised today, or since the last working day (a Friday's on a Sunday).
              awaiting.oldestOn === asOf
              ? t('business.supervision.awaiting.oldestToday')
              : t('business.supervision.awaiting.oldestNoWorkday', { date: awaiting.oldestOn })
          : t('business.supervision.awaiting.hint')}
      </Typography.Text>
    </Card>
  );
}
