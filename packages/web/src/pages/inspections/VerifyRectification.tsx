import { Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ReturnReasonModal } from '../../components/ReturnReasonModal';
import { RowActionButton } from '../../components/rowActions';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { InspectionRectification } from './shared';

/** A rectification as its row's buttons name it: the firm and the requirement it answers. */
export const rectificationName = (row: InspectionRectification) => `${row.firm} · ${row.requirement}`;

/**
 * 整改验收 on the follow-up list, for the staff of the item's department: accept a reported
 * rectification (asked once more, as it closes the issue) or return it with a reason the firm
 * will read. `onDone` reloads the list.
 */
export function VerifyRectification({ row, onDone }: { row: InspectionRectification; onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [returning, setReturning] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const path = { params: { path: { id: row.findingId } } };
  const accept = async () => {
    setAccepting(true);
    try {
      unwrap(await api.POST('/api/v1/inspections/findings/{id}/rectification/accept', path));
      void message.success(t('inspections.followUp.accepted'));
      onDone();
    } catch (error) {
      onProblem(error);
    } finally {
      setAccepting(false);
    }
  };
  const label = t('inspections.followUp.returnReason');
  // A field error on the reason names the field, as the dialog's box has no form of its own.
  const { submit, busy } = useFormSubmit<string>(
    undefined,
    async (text) => {
      unwrap(
        await api.POST('/api/v1/inspections/findings/{id}/rectification/return', {
          ...path,
          body: { reason: text },
        }),
      );
      setReturning(false);
      void message.success(t('inspections.followUp.returnDone'));
      onDone();
    },
    { labelOf: (field) => (field === 'reason' ? label : undefined) },
  );
  if (row.allowed.length === 0) return null;
  return (
    <Space wrap>
      {row.allowed.includes('accept') && (
        <Popconfirm title={t('inspections.followUp.acceptConfirm')} onConfirm={accept}>
          <RowActionButton
            type="primary"
            loading={accepting}
            data-testid="rectification-accept"
            action={t('inspections.followUp.accept')}
            row={rectificationName(row)}
          />
        </Popconfirm>
      )}
      {row.allowed.includes('return') && (
        <RowActionButton
          danger
          onClick={() => {
            setReason('');
            setReturning(true);
          }}
          data-testid="rectification-return"
          action={t('inspections.followUp.return')}
          row={rectificationName(row)}
        />
      )}
      <ReturnReasonModal
        open={returning}
        title={t('inspections.followUp.returnTitle')}
        label={label}
        hint={t('inspections.followUp.returnReasonHint')}
        okText={t('inspections.followUp.returnSubmit')}
        okTestId="return-submit"
        danger
        busy={busy}
        reason={reason}
        onReason={setReason}
        onCancel={() => setReturning(false)}
        onOk={() => void submit(reason.trim())}
        minLength={1}
        maxLength={1000}
      />
    </Space>
  );
}
