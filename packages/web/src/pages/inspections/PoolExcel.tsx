import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { rawFile, useFileImport } from '../../components/useFileImport';

/** Template, export and import of the items or the inspectors; the row report names each column by its header. */
export function PoolExcel({
  what,
  canImport,
  onImported,
}: {
  what: 'items' | 'inspectors';
  canImport: boolean;
  onImported(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) =>
      unwrap(
        what === 'items'
          ? await api.POST('/api/v1/inspections/items/import', rawFile(file))
          : await api.POST('/api/v1/inspections/inspectors/import', rawFile(file)),
      ),
    onDone: (result) => {
      void message.success(t('inspections.excel.imported', result));
      onImported();
    },
    fieldLabel: (field) => {
      const key = field.replace(/^header\./, '');
      return t(`inspections.excel.columns.${key}`, { defaultValue: key });
    },
  });
  const template = useDownload(
    () =>
      what === 'items'
        ? api.GET('/api/v1/inspections/items/template', { parseAs: 'blob' })
        : api.GET('/api/v1/inspections/inspectors/template', { parseAs: 'blob' }),
    `inspection-${what}-template.xlsx`,
  );
  const exported = useDownload(
    () =>
      what === 'items'
        ? api.GET('/api/v1/inspections/items/export', { parseAs: 'blob' })
        : api.GET('/api/v1/inspections/inspectors/export', { parseAs: 'blob' }),
    `inspection-${what}.xlsx`,
  );
  return (
    <>
      {canImport && (
        <Button onClick={template.download} loading={template.busy}>
          {t('inspections.excel.template')}
        </Button>
      )}
      <Button onClick={exported.download} loading={exported.busy}>
        {t('inspections.excel.export')}
      </Button>
      {canImport && (
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button loading={importing}>{t('inspections.excel.import')}</Button>
        </Upload>
      )}
      <ImportReportModal report={report} onClose={closeReport} keys="inspections.excel" />
    </>
  );
}
