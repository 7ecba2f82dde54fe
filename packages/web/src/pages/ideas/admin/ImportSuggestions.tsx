import { limits } from '@qianxing/core/limits';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { toProblem, unwrap } from '../../../api/problem';
import { fileNameOf, saveBlob } from '../../../components/download';
import { ImportReportModal } from '../../../components/ImportReportModal';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { type ImportRowError, importRowErrors } from '../../units/importReport';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import template, and the import of written suggestions from Excel or CSV with a row report. */
export function ImportSuggestions({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportRowError[] | null>(null);

  const template = async () => {
    try {
      const result = await api.GET('/api/v1/ideas/import/template', { parseAs: 'blob' });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, 'suggestions-template.xlsx'));
    } catch (error) {
      onProblem(error);
    }
  };

  const upload = async (file: File) => {
    if (file.size > limits.uploadBytes) {
      void message.error(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    const csv = file.name.toLowerCase().endsWith('.csv');
    setImporting(true);
    try {
      const result = unwrap(
        await api.POST('/api/v1/ideas/import', {
          // The file goes as the raw body, not as multipart form data.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': csv ? 'text/csv' : XLSX },
        }),
      );
      void message.success(t('ideas.import.done', result));
      onImported();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'VALIDATION' && problem.errors?.length) setReport(importRowErrors(problem));
      else onProblem(error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <Button onClick={template} data-testid="import-template">
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
      <ImportReportModal report={report} onClose={() => setReport(null)} keys="ideas.import" />
    </>
  );
}
