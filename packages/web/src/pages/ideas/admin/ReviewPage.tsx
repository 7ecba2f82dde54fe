import { Card, Col, Empty, Flex, Input, List, Progress, Row, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { LoadFailed } from '../../../components/LoadFailed';
import { type BlindReview, domainLabelOf, useCampaign, useLoad } from '../shared';
import { ConflictsCard } from './ConflictsCard';
import { RubricForm } from './RubricForm';

/** An expert's assignments, blind: the idea only, scored on the campaign's rubric. */
export function ReviewPage() {
  const { t } = useTranslation();
  const api = useApi();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const [current, setCurrent] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // On a phone the form comes below the list: bring it into view, and the reader's focus to it.
  useEffect(() => {
    if (!current) return;
    heading.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [current]);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/reviews/mine')),
    ['mine'],
  );
  const items = data?.items ?? [];
  const item = items.find((i) => i.suggestionId === current) ?? null;
  const next = (after: BlindReview) => {
    const open = items.find((i) => !i.submittedAt && i.suggestionId !== after.suggestionId);
    setCurrent(open?.suggestionId ?? null);
    void reload();
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('ideas.review.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('ideas.review.intro')}</Typography.Text>
      </div>
      {/* A failed load says so in the list, never "nothing assigned" nor 0 of 0. */}
      {!(failed && !loading) && (
        <Progress
          aria-label={t('ideas.review.progress', { done: data?.done ?? 0, assigned: data?.assigned ?? 0 })}
          percent={data && data.assigned > 0 ? Math.round((data.done / data.assigned) * 100) : 0}
          format={() => t('ideas.review.progress', { done: data?.done ?? 0, assigned: data?.assigned ?? 0 })}
          data-testid="review-progress"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Input.Search
            allowClear
            placeholder={t('ideas.review.filter')}
            onChange={(e) => setFilter(e.target.value.trim())}
            style={{ marginBottom: 8 }}
            data-testid="review-filter"
          />
          <List
            loading={loading}
            bordered
            size="small"
            dataSource={failed ? [] : filter ? items.filter((i) => i.title.includes(filter)) : items}
            locale={{
              emptyText:
                failed && !loading ? (
                  <LoadFailed onRetry={() => void reload()} />
                ) : (
                  <Empty description={t('ideas.review.none')} />
                ),
            }}
            pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
            renderItem={(i) => (
              <List.Item
                onClick={() => setCurrent(i.suggestionId)}
                style={{ cursor: 'pointer', background: i.suggestionId === current ? '#e6f4ff' : undefined }}
                data-testid="review-item"
              >
                <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                  {i.title}
                </Typography.Text>
                {i.submittedAt ? (
                  <Tag color="success">{t('ideas.review.scored')}</Tag>
                ) : (
                  <Tag color="processing">{t('ideas.review.open')}</Tag>
                )}
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={14}>
          {item && campaign ? (
            <Card
              title={
                <Typography.Title
                  level={4}
                  ref={heading}
                  tabIndex={-1}
                  style={{ margin: 0, fontSize: 'inherit' }}
                  data-testid="review-heading"
                >
                  {item.title}
                </Typography.Title>
              }
              extra={domainLabelOf(t, item.domain, campaign)}
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Paragraph>
              {item.actions.score && (
                <RubricForm
                  key={item.suggestionId}
                  item={item}
                  rubric={campaign.rubric}
                  onSaved={() => next(item)}
                />
              )}
            </Card>
          ) : item ? (
            // A picked item is scored on the campaign's rubric: without it, the failure and a
            // retry (or the card loading), never "pick an item" again.
            campaignLoad.failed ? (
              <LoadFailed onRetry={() => void campaignLoad.reload()} />
            ) : (
              <Card loading />
            )
          ) : (
            // Nothing to pick from when the assignments failed to load.
            !failed && <Empty description={t('ideas.review.pick')} />
          )}
        </Col>
      </Row>
      <ConflictsCard onChanged={() => void reload()} />
    </Flex>
  );
}
