import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { ImportReportModal } from '../../../components/ImportReportModal';
import { useDownload } from '../../../components/useDownload';
import { rawFile, useFileImport, XLSX } from '../../../components/useFileImport';

/** The import template, and the import of written suggestions from Excel or CSV with a row report. */
export function ImportSuggestions({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const template = useDownload(
    () => api.GET('/api/v1/ideas/import/template', { parseAs: 'blob' }),
    'suggestions-template.xlsx',
  );
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) =>
      unwrap(
        await api.POST(
          '/api/v1/ideas/import',
          rawFile(file, file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX),
        ),
      ),
    onDone: (result) => {
      const rows = result.skippedRows;
      // The rows skipped, by number (at most twenty: a file imported again skips every row).
      const listed = rows.slice(0, 20).join(t('ideas.import.rowSeparator'));
      void message.success(
        rows.length
          ? t('ideas.import.doneSkipped', { ...result, rows: rows.length > 20 ? `${listed}…` : listed })
          : t('ideas.import.done', result),
      );
      onImported();
    },
  });

  return (
    <>
      <Button onClick={template.download} loading={template.busy} data-testid="import-template">
        {t('ideas.import.template')}
      </Button>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button loading={importing} data-testid="import-upload">
          {t('ideas.import.action')}
        </Button>
      </Upload>
      <ImportReportModal report={report} onClose={closeReport} keys="ideas.import" />
    </>
  );
}
