import { Alert, Flex, List, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AntdScope } from '../../components/AntdScope';
import { NewTabHint } from '../../components/NewTabHint';
import { SupportButton } from './SupportButton';
import type { SimilarMatch } from './useSimilar';

/** Existing suggestions like the one being written, each with "支持这条" instead of a new one. */
export function SimilarList({ matches }: { matches: SimilarMatch[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return null;
  return (
    <AntdScope>
      <div data-testid="similar-list">
        <Alert
          type="warning"
          showIcon
          title={t('ideas.submit.similarTitle')}
          description={t('ideas.submit.similarHint')}
          style={{ marginBottom: 8 }}
        />
        <List
          size="small"
          bordered
          dataSource={matches}
          renderItem={(m) => (
            <List.Item data-testid="similar-item">
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Link to={`/ideas/${m.id}`} target="_blank">
                  <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
                    {m.title}
                  </Typography.Text>
                  <NewTabHint />
                </Link>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">{t('ideas.submit.similarity')}</Typography.Text>
                  <Progress
                    aria-label={t('common.similarityTo', { name: m.title })}
                    percent={Math.round(m.similarity * 100)}
                    size="small"
                    strokeColor={m.duplicate ? '#fa8c16' : undefined}
                    style={{ width: 120, margin: 0 }}
                  />
                  {m.duplicate && <Tag color="orange">{t('ideas.submit.likelySame')}</Tag>}
                  <SupportButton id={m.id} size="small" />
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </div>
    </AntdScope>
  );
}
