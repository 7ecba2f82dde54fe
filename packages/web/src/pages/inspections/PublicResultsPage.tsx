import { Card, Empty, Flex, Grid, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { listed, withNote } from '../../components/phrases';
import { findingColor, useLoad } from './shared';

const pageSize = 10;

/** 一公开: every completed visit's outcome, item by item, with no person named. */
export function PublicResultsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const results = useLoad(
    async () =>
      unwrap(await api.GET('/api/v1/public/inspections/results', { params: { query: { page, pageSize } } })),
    [page],
  );
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('inspections.publicResults.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('inspections.publicResults.intro')}</Typography.Text>{' '}
        <Link to="/inspections/draws">{t('inspections.publicResults.draws')}</Link>
      </div>
      {!results.data && results.loading && <Skeleton active />}
      {results.data?.items.map((v) => (
        <Card
          key={v.id}
          size="small"
          data-testid="public-result"
          title={
            <Typography.Title level={3} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
              {v.firm}
            </Typography.Title>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {v.date} · {listed(t, v.departments)} ·{' '}
            {v.issues === 0
              ? t('inspections.results.noIssues')
              : t('inspections.results.rectifiedCount', { done: v.rectified, count: v.issues })}
          </Typography.Paragraph>
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {v.items.map((i) => (
              <span key={`${i.name}/${i.unit}`}>
                <Tag color={findingColor[i.result]}>{t(`inspections.findingResult.${i.result}`)}</Tag>
                {withNote(t, i.name, i.unit)}
                {i.result === 'issue' && i.rectified && (
                  <Tag color="success">{t('inspections.results.rectified')}</Tag>
                )}
              </span>
            ))}
          </Space>
        </Card>
      ))}
      {results.data?.items.length === 0 && <Empty description={t('inspections.publicResults.empty')} />}
      {results.failed && !results.loading && <LoadFailed onRetry={() => void results.reload()} />}
      <Pagination
        current={page}
        pageSize={pageSize}
        total={results.data?.total ?? 0}
        onChange={setPage}
        size="small"
        showSizeChanger={false}
        align="center"
      />
    </Flex>
  );
}
