import { Card, Progress, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadedName } from '../../components/LoadFailed';
import { formatDate, type IdeaAction, statusColor } from './shared';

/**
 * An adopted action: owner, due date, progress and its updates. `ownerFailed` says the owners'
 * names could not be loaded: the owner says so, rather than going unsaid.
 */
export function ActionCard({
  action,
  ownerName,
  ownerFailed = false,
}: {
  action: IdeaAction;
  ownerName?: string;
  ownerFailed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{action.title}</span>}
      data-testid="action-card"
    >
      <Tag color={statusColor[action.status]}>{t(`ideas.actionStatus.${action.status}`)}</Tag>
      <Typography.Text type="secondary">
        {ownerName || ownerFailed ? (
          <>
            <LoadedName name={ownerName} failed={ownerFailed} />
            {' · '}
          </>
        ) : (
          ''
        )}
        {t('ideas.actions.due', { date: action.dueOn })}
      </Typography.Text>
      <Progress
        percent={action.progress}
        size="small"
        aria-label={t('common.progressOf', { name: action.title })}
      />
      {action.updates.length > 0 && (
        <Timeline
          style={{ marginTop: 12 }}
          items={action.updates.map((u) => ({
            key: `${u.at}-${u.progress}`,
            content: `${formatDate(u.at)} ${t(`ideas.actionStatus.${u.status}`)} ${u.progress}%${u.note ? ` · ${t(`ideas.notes.${u.note}`, { defaultValue: u.note })}` : ''}`,
          }))}
        />
      )}
    </Card>
  );
}
