import { Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { SuggestionReforms } from '../reforms/SuggestionReforms';
import { CommentsSection } from './CommentsSection';
import { FollowButton } from './FollowButton';
import { SupportButton } from './SupportButton';
import { domainLabel, domainName, formatDate, statusColor, useCampaign, useLoad, useTowns } from './shared';

/** One public suggestion, with the support button and the comments. */
export function DetailPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const campaign = useCampaign();
  const { nameOf } = useTowns();
  const { data: s } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/suggestions/{id}', { params: { path: { id } } })),
    [id],
  );
  if (!s) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Card title={<span style={{ whiteSpace: 'normal' }}>{s.title}</span>}>
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('ideas.fields.status')}>
              <Tag color={statusColor[s.status]}>{t(`ideas.status.${s.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.domain')}>
              {domainLabel(t, s.domain, domainName(campaign, s.domain))}
            </Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.town')}>{nameOf.get(s.townId) ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.authorKind')}>
              {t(`ideas.authorKind.${s.authorKind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.channel')}>
              {t(`ideas.channel.${s.channel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('ideas.fields.createdAt')}>
              {formatDate(s.createdAt)}
            </Descriptions.Item>
          </Descriptions>
          {s.mergedInto && <Link to={`/ideas/${s.mergedInto}`}>{t('ideas.detail.mergedInto')}</Link>}
          <Flex gap={8} wrap align="center">
            <SupportButton key={s.id} id={s.id} supports={s.supports} explain />
            <FollowButton key={`follow-${s.id}`} id={s.id} />
          </Flex>
        </Flex>
      </Card>
      {s.status === 'adopted' && <SuggestionReforms key={`reforms-${s.id}`} suggestionId={s.id} />}
      <CommentsSection key={s.id} suggestionId={s.id} status={s.status} />
    </Flex>
  );
}
