import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SessionsTab } from './SessionsTab';
import { VisitsTab } from './VisitsTab';

/** 跳出黔江看黔江 in the console: study visits and learning sessions, one tab each. */
export function LearningPage() {
  const { t } = useTranslation();
  // The tab lives in the address, so the audit log can link to the sessions.
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'sessions' ? 'sessions' : 'visits';
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.learning.consoleTitle')}</Typography.Title>
        <Typography.Text type="secondary">{t('reforms.learning.consoleIntro')}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'sessions' ? { tab: key } : {})}
        items={[
          { key: 'visits', label: t('reforms.learning.visits'), children: <VisitsTab /> },
          { key: 'sessions', label: t('reforms.learning.sessions'), children: <SessionsTab /> },
        ]}
      />
    </Flex>
  );
}
