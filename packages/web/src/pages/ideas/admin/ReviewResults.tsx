import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { emptyUnlessFailed, LoadFailed } from '../../../components/LoadFailed';
import { NewTabHint } from '../../../components/NewTabHint';
import { domainLabel, useCampaign, useLoad } from '../shared';
import { AssignControls } from './AssignControls';

type Results = components['schemas']['ReviewResults'];
type Result = Results['items'][number];
type Method = Results['method'];
type ExpertProgress = components['schemas']['ReviewProgress'];

/** Assignment, the experts' progress, the ranking by the chosen method, reliability and flagged items. */
export function ReviewResults() {
  const { t } = useTranslation();
  const api = useApi();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const [method, setMethod] = useState<Method | undefined>(undefined);
  const results = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/ideas/reviews/results', { params: { query: method ? { method } : {} } })),
    ['results', method],
  );
  const progress = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/reviews/progress')), ['progress']);
  // A failed load shows no figures of another method, and says it failed.
  const resultsFailed = results.failed && !results.loading;
  const data = resultsFailed ? null : results.data;
  const shown = method ?? data?.campaignMethod ?? 'z';
  const flagged = (data?.items ?? []).filter((i) => i.disputed).length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {data?.actions.assign &&
        (data.shortlisted === 0 ? (
          <Alert
            type="info"
            showIcon
            title={t('ideas.selection.shortlistEmpty')}
            data-testid="review-no-shortlist"
          />
        ) : campaignLoad.failed ? (
          // The assignment follows the campaign's rules: without them, say so, with a retry.
          <LoadFailed onRetry={() => void campaignLoad.reload()} />
        ) : (
          campaign && (
            <AssignControls
              campaign={campaign}
              onAssigned={() => {
                void progress.reload();
                void results.reload();
              }}
            />
          )
        ))}
      {/* Without the results, no figures (not zeros): the table below says the load failed. */}
      <Row gutter={[16, 16]} style={resultsFailed ? { display: 'none' } : undefined}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ideas.selection.alpha')}
            value={data?.alpha == null ? '—' : data.alpha.toFixed(2)}
            data-testid="review-alpha"
          />
        </Col>
        <Col xs={12} md={6}>
          {/* Before the results come there are no figures, not zeros. */}
          <Statistic title={t('ideas.selection.openReviews')} value={data?.open ?? '—'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ideas.selection.scoredItems')} value={data?.items.length ?? '—'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ideas.selection.flagged')} value={data ? flagged : '—'} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('ideas.selection.alphaHint')}</Typography.Text>
      <Card size="small" title={t('ideas.selection.progress')}>
        <Table<ExpertProgress>
          rowKey="expertId"
          size="small"
          pagination={false}
          loading={progress.loading}
          dataSource={progress.failed ? [] : (progress.data ?? [])}
          locale={{ emptyText: emptyUnlessFailed(progress) }}
          columns={[
            { title: t('ideas.selection.expert'), dataIndex: 'name' },
            { title: t('ideas.selection.assignedCount'), dataIndex: 'assigned' },
            { title: t('ideas.selection.doneCount'), dataIndex: 'done' },
          ]}
        />
      </Card>
      <Space orientation="vertical" size={4}>
        <Space wrap>
          <Typography.Text>{t('ideas.selection.method')}</Typography.Text>
          <Segmented<Method>
            value={shown}
            onChange={setMethod}
            options={(['z', 'trimmed'] as const).map((m) => ({
              value: m,
              label: t(`ideas.selection.methodShort.${m}`),
            }))}
            data-testid="review-method"
          />
        </Space>
        <Typography.Text data-testid="review-method-name">
          {t(`ideas.selection.methodName.${shown}`)}
        </Typography.Text>
        <Typography.Text type="secondary">{t('ideas.selection.incompleteNote')}</Typography.Text>
        {data && (
          <Typography.Text type="secondary">
            {t('ideas.selection.methodNote', {
              method: t(`ideas.selection.methodShort.${data.campaignMethod}`),
            })}
          </Typography.Text>
        )}
      </Space>
      <Table<Result>
        rowKey="item"
        size="small"
        loading={results.loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyUnlessFailed(results) }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ideas.selection.rank'), key: 'rank', render: (_: unknown, _r, i) => i + 1 },
          {
            title: t('ideas.selection.item'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <Link to={`/ideas/${r.item}`} target="_blank">
                {title}
                <NewTabHint />
              </Link>
            ),
          },
          {
            title: t('ideas.selection.domain'),
            dataIndex: 'domain',
            render: (code: string, r) => domainLabel(t, code, r.domainName),
          },
          {
            title: t('ideas.selection.reviews'),
            dataIndex: 'reviews',
            render: (done: number, r) => `${done}/${r.assigned}`,
          },
          { title: t('ideas.selection.mean'), dataIndex: 'mean', render: (v: number) => v.toFixed(2) },
          { title: t('ideas.selection.trimmed'), dataIndex: 'trimmed', render: (v: number) => v.toFixed(2) },
          { title: t('ideas.selection.z'), dataIndex: 'z', render: (v: number) => v.toFixed(2) },
          { title: t('ideas.selection.range'), dataIndex: 'range', render: (v: number) => v.toFixed(1) },
          {
            title: t('ideas.selection.flag'),
            key: 'flag',
            render: (_: unknown, r) => (
              <Space size={4} data-testid={`review-flags-${r.item}`}>
                {r.reviews < r.assigned && <Tag color="gold">{t('ideas.selection.incomplete')}</Tag>}
                {r.disputed && <Tag color="orange">{t('ideas.selection.disputed')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
