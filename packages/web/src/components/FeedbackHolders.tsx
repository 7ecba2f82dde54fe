import { Modal, message } from 'antd';
import { useEffect } from 'react';
import { AntdScope } from './AntdScope';
import type { FeedbackApis } from './Feedback';

/** antd's message and modal hooks, whose holders render in the app's theme and language. */
export default function FeedbackHolders({ onReady }: { onReady: (apis: FeedbackApis) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  useEffect(() => onReady({ message: messageApi, modal: modalApi }), [onReady, messageApi, modalApi]);
  return (
    <AntdScope>
      {messageHolder}
      {modalHolder}
    </AntdScope>
  );
}
