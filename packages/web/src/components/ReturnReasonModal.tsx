import { Form, Input, Modal } from 'antd';
import { useId } from 'react';

/**
 * Asks for the reason something goes back to its author (a plan, a report, a rectification); OK
 * stays disabled until the reason, trimmed, has the characters the server requires (`minLength`,
 * two unless said) and the box takes no more than it accepts (`maxLength`, 500 unless said). A
 * dialog whose reader needs telling what to write gives the field a `label` and a `hint`.
 */
export function ReturnReasonModal({
  open,
  title,
  reason,
  onReason,
  onCancel,
  onOk,
  label,
  hint,
  okText,
  busy,
  okTestId,
  danger,
  minLength = 2,
  maxLength = 500,
}: {
  open: boolean;
  title: string;
  reason: string;
  onReason(reason: string): void;
  onCancel(): void;
  onOk(): void;
  label?: string;
  hint?: string;
  okText?: string;
  /** The reason is on its way: OK spins and is not pressed twice. */
  busy?: boolean;
  okTestId?: string;
  /** OK in red, where the reason undoes what its author did. */
  danger?: boolean;
  minLength?: number;
  maxLength?: number;
}) {
  const field = useId();
  const box = (
    <Input.TextArea
      id={field}
      rows={3}
      value={reason}
      onChange={(e) => onReason(e.target.value)}
      maxLength={maxLength}
    />
  );
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={onOk}
      okText={okText}
      okButtonProps={{
        disabled: reason.trim().length < minLength,
        loading: busy,
        danger,
        ...(okTestId ? { 'data-testid': okTestId } : {}),
      }}
    >
      {label || hint ? (
        <Form layout="vertical" component="div">
          <Form.Item label={label} htmlFor={field} extra={hint}>
            {box}
          </Form.Item>
        </Form>
      ) : (
        box
      )}
    </Modal>
  );
}
