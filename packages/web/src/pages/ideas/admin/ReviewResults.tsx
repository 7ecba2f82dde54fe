import { Button, Card, Col, InputNumber, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useFeedback } from '../../../components/Feedback';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useCampaign, useLoad } from '../shared';

type Result = components['schemas']['ReviewResults']['items'][number];
type ExpertProgress = components['schemas']['ReviewProgress'];

/** Assignment, the experts' progress, aggregated scores, reliability and the flagged items. */
export function ReviewResults() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const campaign = useCampaign();
  // The campaign's own number of reviewers per suggestion until the office types another.
  const [typed, setK] = useState<number | null>(null);
  const k = typed ?? campaign?.reviewersPerItem ?? 3;
  const results = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/reviews/results')), ['results']);
  const progress = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/reviews/progress')), ['progress']);
  const assign = async () => {
    try {
      const r = unwrap(await api.POST('/api/v1/ideas/reviews/assign', { body: { k } }));
      void message.success(t('ideas.selection.assigned', r));
      void progress.reload();
      void results.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const data = results.data;
  const flagged = (data?.items ?? []).filter((i) => i.disputed).length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {data?.actions.assign && (
        <Space wrap>
          <Typography.Text>{t('ideas.selection.reviewersPerItem')}</Typography.Text>
          <InputNumber
            aria-label={t('ideas.selection.reviewersPerItem')}
            min={1}
            max={9}
            value={k}
            onChange={(v) => setK(v)}
          />
          <Button type="primary" onClick={assign} data-testid="review-assign">
            {t('ideas.selection.assign')}
          </Button>
        </Space>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('ideas.selection.alpha')}
            value={data?.alpha == null ? '—' : data.alpha.toFixed(2)}
            data-testid="review-alpha"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ideas.selection.openReviews')} value={data?.open ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ideas.selection.scoredItems')} value={data?.items.length ?? 0} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('ideas.selection.flagged')} value={flagged} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('ideas.selection.alphaHint')}</Typography.Text>
      <Card size="small" title={t('ideas.selection.progress')}>
        <Table<ExpertProgress>
          rowKey="expertId"
          size="small"
          pagination={false}
          loading={progress.loading}
          dataSource={progress.data ?? []}
          columns={[
            { title: t('ideas.selection.expert'), dataIndex: 'name' },
            { title: t('ideas.selection.assignedCount'), dataIndex: 'assigned' },
            { title: t('ideas.selection.doneCount'), dataIndex: 'done' },
          ]}
        />
      </Card>
      <Table<Result>
        rowKey="item"
        size="small"
        loading={results.loading}
        dataSource={[...(data?.items ?? [])].sort((a, b) => b.z - a.z)}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('ideas.selection.item'),
            dataIndex: 'item',
            render: (id: string) => (
              <Link to={`/ideas/${id}`} target="_blank">
                {id.slice(0, 8)}
              </Link>
            ),
          },
          { title: t('ideas.selection.reviews'), dataIndex: 'reviews' },
          { title: t('ideas.selection.mean'), dataIndex: 'mean', render: (v: number) => v.toFixed(2) },
          { title: t('ideas.selection.z'), dataIndex: 'z', render: (v: number) => v.toFixed(2) },
          { title: t('ideas.selection.range'), dataIndex: 'range', render: (v: number) => v.toFixed(1) },
          {
            title: t('ideas.selection.flag'),
            dataIndex: 'disputed',
            render: (d: boolean) => (d ? <Tag color="orange">{t('ideas.selection.disputed')}</Tag> : null),
          },
        ]}
      />
    </Space>
  );
}
