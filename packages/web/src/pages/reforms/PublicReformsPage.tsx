import {
  Card,
  Empty,
  Flex,
  Grid,
  Pagination,
  Progress,
  Segmented,
  Select,
  Skeleton,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { type PublicReformSummary, percent, progressColor, statusColor, useLoad } from './shared';

const pageSize = 10;

function ListCards({ summary }: { summary: PublicReformSummary }) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap>
      {summary.lists.map((l) => (
        <Card key={l.id} size="small" style={{ flex: '1 1 240px' }} data-testid="reform-list">
          <Typography.Text strong>{l.name}</Typography.Text>
          <Flex align="center" gap={12} style={{ marginTop: 8 }}>
            <Progress
              aria-label={t('common.progressOf', { name: l.name })}
              type="circle"
              size={64}
              percent={percent(l.percentDone / 100)}
              format={(p) => t('reforms.percent', { value: p })}
            />
            <Flex vertical>
              <Typography.Text type="secondary">
                {t('reforms.public.projectsOfList', { count: l.projects })}
              </Typography.Text>
              <Typography.Text data-testid="reform-list-percent">
                {t('reforms.public.percentDone')} {t('reforms.percent', { value: l.percentDone.toFixed(1) })}
              </Typography.Text>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** The public reform lists (改革清单): each list's progress, the pilots, and the projects page by page; one column on a phone. */
export function PublicReformsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const [list, setList] = useState<string>('');
  const [page, setPage] = useState(1);
  const summary = useLoad(async () => unwrap(await api.GET('/api/v1/public/reforms/summary')), []);
  const projects = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/public/reforms/projects', {
          params: { query: { list: list || undefined, page, pageSize } },
        }),
      ),
    [list, page],
  );
  const s = summary.data;
  if (!s)
    return summary.loading ? (
      <Skeleton active />
    ) : summary.failed ? (
      <LoadFailed onRetry={() => void summary.reload()} />
    ) : (
      <Empty />
    );
  const listOptions = [
    { value: '', label: t('reforms.public.allLists') },
    ...s.lists.map((l) => ({ value: l.id, label: l.name })),
  ];
  const pick = (id: string) => {
    setList(id);
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('reforms.public.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('reforms.public.intro')}</Typography.Text>
      </div>
      <Flex gap={16} wrap>
        <Link to="/reforms/battles">{t('reforms.more.battles')}</Link>
        <Link to="/reforms/cases">{t('reforms.more.cases')}</Link>
        <Link to="/reforms/learning">{t('reforms.more.learning')}</Link>
      </Flex>
      <Flex gap={12} wrap>
        {(
          [
            ['projects', s.projects],
            ['pilotsUnderway', s.pilots.underway],
            ['pilotsApplying', s.pilots.applying],
          ] as const
        ).map(([key, value]) => (
          <Card key={key} size="small" style={{ flex: '1 1 120px' }}>
            <Statistic title={t(`reforms.public.${key}`)} value={value} />
          </Card>
        ))}
      </Flex>
      <ListCards summary={s} />
      {/* Which list's projects show. On a phone a select: stacked, the segments read as plain
          lines with no visible choice. Either is named for a screen reader. */}
      {screens.md ? (
        <Segmented
          aria-label={t('reforms.public.listPicker')}
          value={list}
          onChange={(v) => pick(String(v))}
          options={listOptions}
          data-testid="reform-list-picker"
        />
      ) : (
        <Select
          aria-label={t('reforms.public.listPicker')}
          value={list}
          onChange={pick}
          options={listOptions}
          style={{ width: '100%' }}
          data-testid="reform-list-picker"
        />
      )}
      <Flex vertical data-loading={projects.loading || undefined}>
        {(projects.data?.items ?? []).map((p) => (
          <Flex
            key={p.id}
            vertical
            gap={4}
            data-testid="reform-project"
            style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex justify="space-between" gap={8} wrap>
              <Link to={`/reforms/${p.id}`}>
                <Typography.Text strong>{p.name}</Typography.Text>
              </Link>
              <Tag color={statusColor[p.status]}>{t(`reforms.statuses.${p.status}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {p.code} · {t('common.labelOf', { label: t('reforms.public.leadUnit') })}
              {p.leadUnit}
            </Typography.Text>
            <Progress
              aria-label={t('common.progressOf', { name: p.name })}
              percent={percent(p.progress)}
              strokeColor={progressColor(p.status)}
              size="small"
            />
          </Flex>
        ))}
        {projects.data?.items.length === 0 && <Empty description={t('reforms.public.empty')} />}
        {projects.failed && !projects.loading && <LoadFailed onRetry={() => void projects.reload()} />}
      </Flex>
      <Pagination
        current={page}
        pageSize={pageSize}
        total={projects.data?.total ?? 0}
        onChange={setPage}
        size="small"
        showSizeChanger={false}
        align="center"
      />
    </Flex>
  );
}
