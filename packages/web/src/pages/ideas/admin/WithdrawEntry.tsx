import { limits } from '@qianxing/core/limits';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { ReturnReasonModal } from '../../../components/ReturnReasonModal';
import { RowActionButton } from '../../../components/rowActions';
import { useProblemHandler } from '../../../components/useProblemHandler';
import type { ListKind } from '../shared';

const { min, max } = limits.withdrawalReason;

/**
 * 撤销 on an entry of a published list, for the office: asks why (the entry's authors are told,
 * the public is not) and withdraws it. `onDone` reloads the list.
 */
export function WithdrawEntry({
  kind,
  entry,
  onDone,
}: {
  kind: ListKind;
  entry: { id: string; rank: number; title: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    try {
      unwrap(
        await api.POST('/api/v1/ideas/lists/{kind}/entries/{entryId}/withdraw', {
          params: { path: { kind, entryId: entry.id } },
          body: { reason: reason.trim() },
        }),
      );
      setOpen(false);
      setReason('');
      void message.success(t('ideas.selection.withdrawnNow'));
      onDone();
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <RowActionButton
        danger
        onClick={() => setOpen(true)}
        data-testid={`withdraw-entry-${entry.rank}`}
        action={t('ideas.selection.withdraw')}
        row={entry.title}
      />
      <ReturnReasonModal
        open={open}
        title={t('ideas.selection.withdrawTitle', { rank: entry.rank, title: entry.title })}
        label={t('ideas.selection.withdrawReason')}
        hint={t('ideas.selection.withdrawHint')}
        okText={t('ideas.selection.withdrawSubmit')}
        okTestId="withdraw-entry-submit"
        danger
        busy={busy}
        minLength={min}
        maxLength={max}
        reason={reason}
        onReason={setReason}
        onCancel={() => setOpen(false)}
        onOk={() => void withdraw()}
      />
    </>
  );
}
