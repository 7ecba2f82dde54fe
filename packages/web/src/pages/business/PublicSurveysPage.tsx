import { Card, Empty, Flex, Grid, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { LoadFailed } from '../../components/LoadFailed';
import { period } from '../../components/phrases';
import { useLoad } from '../../components/useLoad';

type Brief = components['schemas']['BusinessSurveyBrief'];

/** 千企万众评效能 in public: the surveys open to answers, and the results of those closed. */
export function PublicSurveysPage() {
  const { t } = useTranslation();
  const api = useApi();
  const screens = Grid.useBreakpoint();
  const { data, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/business/surveys')),
    [],
  );
  const frame = { padding: screens.md ? 24 : 12, maxWidth: 880, margin: '0 auto', width: '100%' };
  const list = (items: Brief[], to: (s: Brief) => string, testId: string) =>
    items.length === 0 ? (
      <Empty description={t('business.surveys.none')} />
    ) : (
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item key={s.id} data-testid={testId}>
            <Link to={to(s)}>{s.title}</Link>
            <Typography.Text type="secondary">{period(t, s.opensOn, s.closesOn)}</Typography.Text>
          </List.Item>
        )}
      />
    );
  return (
    <Flex vertical gap={16} style={frame}>
      <div>
        <Typography.Title level={screens.md ? 2 : 4} style={{ marginBottom: 4 }}>
          {t('business.surveys.publicTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('business.surveys.intro')}
        </Typography.Paragraph>
      </div>
      {!data ? (
        // A failed load kept the grey bars for ever.
        failed ? (
          <LoadFailed onRetry={() => void reload()} />
        ) : (
          <Skeleton active />
        )
      ) : (
        <>
          <Card size="small" title={t('business.surveys.openSurveys')}>
            {list(data.open, (s) => `/business/surveys/${s.id}/answer`, 'open-survey')}
          </Card>
          <Card size="small" title={t('business.surveys.closedSurveys')}>
            {list(data.closed, (s) => `/business/surveys/${s.id}`, 'closed-survey')}
          </Card>
        </>
      )}
    </Flex>
  );
}
