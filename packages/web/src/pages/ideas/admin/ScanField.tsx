import { Button, Form, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/Feedback';

/** The server's limit for a scan; checked here too so a large file is refused before saving. */
export const scanMaxBytes = 10 * 1024 * 1024;

/** One optional scan of the paper (PDF or photo), kept in the form until the suggestion is saved. */
export function ScanField({ name }: { name: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  return (
    <Form.Item
      name={name}
      label={t('ideas.written.scan')}
      extra={t('ideas.written.scanHint')}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
    >
      <Upload
        accept=".pdf,.png,.jpg,.jpeg"
        maxCount={1}
        beforeUpload={(file) => {
          if (file.size > scanMaxBytes) {
            void message.error(t('ideas.written.scanTooLarge'));
            return Upload.LIST_IGNORE;
          }
          // Kept in the list and sent once the suggestion exists.
          return false;
        }}
      >
        <Button data-testid="written-scan">{t('ideas.written.pickScan')}</Button>
      </Upload>
    </Form.Item>
  );
}
