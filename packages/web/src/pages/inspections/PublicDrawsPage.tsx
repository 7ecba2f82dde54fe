import { Card, Descriptions, Empty, Flex, Grid, Pagination, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { listed, withNote } from '../../components/phrases';
import { DrawVerifier } from './DrawVerifier';
import { type PublicDraw, type RiskLevel, riskColor, riskLevels, useLoad, when } from './shared';

const pageSize = 5;

interface InputShape {
  firms: Array<{ id: string; risk: RiskLevel }>;
  inspectors: Array<{ id: string; department: string }>;
  sample: Record<string, number>;
  inspectorsPerVisit?: number;
  qualifications?: string[];
}

/** The drawn firms with their teams, by name (inspectors masked). */
function DrawnVisits({ draw }: { draw: PublicDraw }) {
  const { t } = useTranslation();
  const api = useApi();
  const names = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/public/inspections/draws/{id}/names', { params: { path: { id: draw.id } } }),
      ),
    [draw.id],
  );
  const input = draw.input as unknown as InputShape;
  const risk = new Map(input.firms.map((f) => [f.id, f.risk]));
  const department = new Map(input.inspectors.map((p) => [p.id, p.department]));
  const visits = (draw.result?.visits ?? []) as Array<{ firm: string; inspectors: string[] }>;
  // The draw's record names firms and inspectors by id; their names come with the second request
  // and the ids never show, not even under the table's spinner while it is on its way.
  const nameOf = (kind: 'firms' | 'inspectors', id: string) =>
    names.data ? (names.data[kind][id] ?? '—') : '';
  // By risk, the most severe first (the record keeps the draw's own order), then by name.
  const severity = (firm: string) => {
    const r = risk.get(firm);
    return r ? riskLevels.indexOf(r) : riskLevels.length;
  };
  // Without the names the table would show blank firms and teams: say the failure instead.
  if (names.failed && !names.loading) return <LoadFailed onRetry={() => void names.reload()} />;
  const rows = [...visits].sort(
    (a, b) =>
      severity(a.firm) - severity(b.firm) ||
      nameOf('firms', a.firm).localeCompare(nameOf('firms', b.firm), 'zh-CN'),
  );
  return (
    <Table
      size="small"
      rowKey="firm"
      pagination={false}
      loading={names.loading}
      dataSource={rows}
      data-testid="drawn-visits"
      columns={[
        {
          title: t('inspections.public.firm'),
          key: 'firm',
          render: (_, v) => nameOf('firms', v.firm),
        },
        {
          title: t('inspections.risk.title'),
          key: 'risk',
          render: (_, v) => {
            const r = risk.get(v.firm);
            // Two or three words, kept whole: tags wrap (theme/global.css), and in this column
            // on a phone "高风险" stood one character a line.
            return r ? (
              <Tag color={riskColor[r]} style={{ whiteSpace: 'nowrap' }}>
                {t(`inspections.risk.${r}`)}
              </Tag>
            ) : null;
          },
        },
        {
          title: t('inspections.public.team'),
          key: 'team',
          render: (_, v) =>
            names.data
              ? listed(
                  t,
                  v.inspectors.map((p) => withNote(t, nameOf('inspectors', p), department.get(p))),
                )
              : '',
        },
      ]}
    />
  );
}

function DrawCard({ draw }: { draw: PublicDraw }) {
  const { t } = useTranslation();
  const input = draw.input as unknown as InputShape;
  const departments = [...new Set(input.inspectors.map((p) => p.department))];
  return (
    <Card
      size="small"
      data-testid="public-draw"
      // Whole on a phone: a long title (a joint task's) was cut to "…联合抽查（综合…".
      title={<span style={{ whiteSpace: 'normal' }}>{draw.title}</span>}
      extra={
        <Tag color={draw.drawnAt ? 'success' : 'processing'}>
          {t(draw.drawnAt ? 'inspections.status.drawn' : 'inspections.status.announced')}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('inspections.public.departments')}>
            {listed(t, departments)}
            {departments.length > 1 && <Tag style={{ marginLeft: 8 }}>{t('inspections.tasks.joint')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.public.sample')}>
            {(['high', 'medium', 'low'] as const)
              .filter((l) => (input.sample[l] ?? 0) > 0)
              .map((l) => `${t(`inspections.risk.${l}`)} ${input.sample[l]}`)
              .join(' · ')}
            {' · '}
            {t('inspections.public.pool', { firms: input.firms.length, inspectors: input.inspectors.length })}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.public.announcedAt')}>
            {when(draw.announcedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.public.seedHash')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="public-seed-hash">
              {draw.seedHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('inspections.public.drawnAt')}>{when(draw.drawnAt)}</Descriptions.Item>
          <Descriptions.Item label={t('inspections.public.seed')}>
            {draw.seed ? (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="public-seed">
                {draw.seed}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('inspections.public.seedHidden')}</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
        {draw.result && <DrawnVisits draw={draw} />}
        <DrawVerifier draw={draw} />
      </Flex>
    </Card>
  );
}

/** 双随机、一公开: every announced draw, its input, seed and result, verifiable here or with the CLI. */
export function PublicDrawsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const draws = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/public/inspections/draws', { params: { query: { page, pageSize } } })),
    [page],
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('inspections.public.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('inspections.public.intro')}</Typography.Text>{' '}
        <Link to="/inspections/results">{t('inspections.publicResults.title')}</Link>
      </div>
      {!draws.data && draws.loading && <Skeleton active />}
      {draws.data?.items.map((d) => (
        <DrawCard key={d.id} draw={d} />
      ))}
      {draws.data?.items.length === 0 && <Empty description={t('inspections.public.empty')} />}
      {draws.failed && !draws.loading && <LoadFailed onRetry={() => void draws.reload()} />}
      <Pagination
        current={page}
        pageSize={pageSize}
        total={draws.data?.total ?? 0}
        onChange={setPage}
        size="small"
        showSizeChanger={false}
        align="center"
      />
    </Flex>
  );
}
