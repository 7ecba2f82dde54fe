import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { LoadFailed } from '../../components/LoadFailed';
import { percent, progressColor, statusColor, useLoad } from './shared';

/**
 * What an adopted suggestion became (采纳转化), on its public page: the reform projects with their
 * lead unit, progress and status, each linking to the project's page, and the key battles.
 * Shows nothing for a suggestion that became neither.
 */
export function SuggestionReforms({ suggestionId }: { suggestionId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useLoad(
    async () =>
      unwrap(
        await api.GET('/api/v1/public/reforms/suggestions/{id}', { params: { path: { id: suggestionId } } }),
      ),
    [suggestionId],
  );
  const { data } = loaded;
  // A failure says so where the card would be: its absence would read as a suggestion that became nothing.
  if (!data && loaded.failed && !loaded.loading)
    return (
      <Card size="small" title={t('reforms.adoption.became')} data-testid="suggestion-reforms">
        <LoadFailed onRetry={() => void loaded.reload()} />
      </Card>
    );
  if (!data || (data.projects.length === 0 && data.battles.length === 0)) return null;
  return (
    <Card size="small" title={t('reforms.adoption.became')} data-testid="suggestion-reforms">
      <Flex vertical>
        {data.projects.map((p) => (
          <Flex
            key={p.id}
            vertical
            gap={4}
            data-testid="suggestion-reform-project"
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex justify="space-between" gap={8} wrap>
              <Link to={`/reforms/${p.id}`}>
                <Typography.Text strong>{p.name}</Typography.Text>
              </Link>
              <Tag color={statusColor[p.status]}>{t(`reforms.statuses.${p.status}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {t('common.labelOf', { label: t('reforms.public.leadUnit') })}
              {p.leadUnit}
            </Typography.Text>
            <Progress
              aria-label={t('common.progressOf', { name: p.name })}
              percent={percent(p.progress)}
              strokeColor={progressColor(p.status)}
              size="small"
              // A finished project says 100% in words too, not only with a tick.
              format={(n) => t('reforms.percent', { value: n })}
            />
          </Flex>
        ))}
        {data.battles.length > 0 && (
          <Flex gap={4} wrap align="center" style={{ paddingTop: 8 }} data-testid="suggestion-reform-battles">
            <Typography.Text type="secondary">{t('reforms.adoption.battles')}</Typography.Text>
            {data.battles.map((b) => (
              <Link key={b.id} to="/reforms/battles">
                <Tag color="volcano">{b.name}</Tag>
              </Link>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
