import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../../api/problem';

/** Whether a save was refused because someone else saved the plan or report after it was read. */
export function isEditedMeanwhile(error: unknown): boolean {
  const problem = toProblem(error);
  return problem.code === 'CONFLICT' && (problem.errors ?? []).some((e) => e.code === 'edited_meanwhile');
}

/**
 * Says that a save was refused because someone else saved the plan or report first, and offers
 * to reload it: what is on screen is then replaced by what was saved, to be edited again.
 */
export function EditedMeanwhile({ what, onReload }: { what: 'plan' | 'report'; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="edited-meanwhile"
      title={t(`targets.editedMeanwhile.${what}`)}
      action={
        <Button size="small" onClick={onReload} data-testid="edited-meanwhile-reload">
          {t('targets.editedMeanwhile.reload')}
        </Button>
      }
    />
  );
}
