import { Input, Modal } from 'antd';

/**
 * Asks for the reason a plan or report goes back to its author; OK stays disabled until the
 * reason has the two characters the server requires.
 */
export function ReturnReasonModal({
  open,
  title,
  reason,
  onReason,
  onCancel,
  onOk,
}: {
  open: boolean;
  title: string;
  reason: string;
  onReason(reason: string): void;
  onCancel(): void;
  onOk(): void;
}) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={onOk}
      okButtonProps={{ disabled: reason.trim().length < 2 }}
    >
      <Input.TextArea rows={3} value={reason} onChange={(e) => onReason(e.target.value)} maxLength={500} />
    </Modal>
  );
}
