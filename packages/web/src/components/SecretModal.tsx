import { Alert, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

/** A password or link shown once: the server keeps no copy that can be shown again. */
export function SecretModal({
  title,
  secret,
  testId,
  onClose,
}: {
  title: string;
  secret: string | null;
  testId: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.done')}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('common.shownOnce')} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center" wrap>
        <Typography.Text code style={{ fontSize: 16, wordBreak: 'break-all' }}>
          <span data-testid={testId}>{secret}</span>
        </Typography.Text>
        {secret && <CopyButton text={secret} />}
      </Flex>
    </Modal>
  );
}
