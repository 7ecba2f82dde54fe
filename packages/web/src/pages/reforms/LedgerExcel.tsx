import { limits } from '@qianxing/core/limits';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type ImportRowError, importRowErrors } from '../units/importReport';
import { XLSX } from './shared';

/** Template, export and import of the ledger (改革任务台账); the report names each row and column by its header. */
export function LedgerExcel({ canImport, onImported }: { canImport: boolean; onImported(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportRowError[] | null>(null);

  const download = async (path: '/api/v1/reforms/projects/template' | '/api/v1/reforms/projects/export') => {
    try {
      const result = await api.GET(path, { parseAs: 'blob' });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, 'reforms.xlsx'));
    } catch (error) {
      onProblem(error);
    }
  };
  const column = (field: string) => {
    const key = field.replace(/^header\./, '');
    return t(`reforms.excel.columns.${key}`, { defaultValue: key });
  };

  const upload = async (file: File) => {
    if (file.size > limits.uploadBytes) {
      void message.error(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    setImporting(true);
    try {
      const result = unwrap(
        await api.POST('/api/v1/reforms/projects/import', {
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': XLSX },
        }),
      );
      void message.success(t('reforms.excel.imported', result));
      onImported();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'VALIDATION' && problem.errors?.length)
        setReport(importRowErrors(problem).map((e) => ({ ...e, field: column(e.field) })));
      else onProblem(error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <Button onClick={() => download('/api/v1/reforms/projects/template')}>
        {t('reforms.excel.template')}
      </Button>
      <Button onClick={() => download('/api/v1/reforms/projects/export')} data-testid="reforms-export">
        {t('reforms.excel.export')}
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
          <Button loading={importing}>{t('reforms.excel.import')}</Button>
        </Upload>
      )}
      <ImportReportModal report={report} onClose={() => setReport(null)} keys="reforms.excel" />
    </>
  );
}
