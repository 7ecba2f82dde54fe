import { Button, Popconfirm, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { ReformProject } from './shared';
import { WithdrawReasonModal } from './WithdrawReasonModal';

/**
 * The project's delete action, offered by the server's `actions.delete`. A project entered by
 * mistake goes after a confirmation; one taken up from citizens' suggestions (采纳转化) asks why,
 * and says that each suggestion's public timeline and its author, followers and supporters will
 * be told. A project with reports cannot go.
 */
export function DeleteProject({ project, onDeleted }: { project: ReformProject; onDeleted(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const send = async (body?: { reason: string }) =>
    unwrap(
      await api.DELETE('/api/v1/reforms/projects/{id}', {
        params: { path: { id: project.id } },
        ...(body ? { body } : {}),
      }),
    );
  if (!project.actions.delete) return null;
  const button = (disabled = false, onClick?: () => void) => (
    <Button size="small" danger disabled={disabled} onClick={onClick} data-testid="reform-project-delete">
      {t('reforms.project.delete')}
    </Button>
  );
  if (project.reports.length > 0)
    return <Tooltip title={t('reforms.project.deleteHasReports')}>{button(true)}</Tooltip>;
  if (project.fromSuggestions.length === 0)
    return (
      <Popconfirm
        title={t('reforms.project.deleteConfirm', { name: project.name })}
        onConfirm={async () => {
          try {
            await send();
            onDeleted();
          } catch (error) {
            onProblem(error);
          }
        }}
      >
        {button()}
      </Popconfirm>
    );
  return (
    <>
      {button(false, () => setOpen(true))}
      {open && (
        <WithdrawReasonModal
          title={t('reforms.project.withdrawTitle', { name: project.name })}
          told={t('reforms.project.withdrawTold', { count: project.fromSuggestions.length })}
          okText={t('reforms.project.withdrawOk')}
          suggestions={project.fromSuggestions}
          onWithdraw={async (reason) => {
            await send({ reason });
            setOpen(false);
            onDeleted();
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
