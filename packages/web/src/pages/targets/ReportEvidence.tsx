import { Button, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { saveBlob } from '../../components/download';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { Report } from './shared';

/** A report's evidence files: each opens by its name; `onUpload` receives a newly chosen file. */
export function ReportEvidence({
  evidence,
  edit,
  onUpload,
}: {
  evidence: Report['evidence'];
  edit: boolean;
  onUpload: (file: File) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const open = async (evidenceId: string, name: string) => {
    try {
      const result = await api.GET('/api/v1/targets/evidence/{id}', {
        params: { path: { id: evidenceId } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, name);
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <>
      <Typography.Title level={5}>{t('targets.reports.evidence')}</Typography.Title>
      <List
        size="small"
        dataSource={evidence}
        // The list's own empty text is too faint to read (WCAG 1.4.3).
        locale={{
          emptyText: <Typography.Text type="secondary">{t('targets.reports.noEvidence')}</Typography.Text>,
        }}
        renderItem={(e) => (
          <List.Item>
            <Button type="link" onClick={() => open(e.id, e.fileName)}>
              {e.fileName}
            </Button>
            <span>{Math.ceil(e.size / 1024)} KB</span>
          </List.Item>
        )}
      />
      {edit && (
        <Upload
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            onUpload(f);
            return false;
          }}
        >
          <Button>{t('targets.reports.upload')}</Button>
        </Upload>
      )}
      {/* The kinds and the limit beside the button, not in it: in it, the label ran past a phone's edge. */}
      {edit && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('targets.reports.uploadHint')}
        </Typography.Paragraph>
      )}
    </>
  );
}
