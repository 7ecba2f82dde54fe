import { limits } from '@qianxing/core/limits';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { fileNameOf, saveBlob } from '../../components/download';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type ImportRowError, importRowErrors } from './importReport';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Template, export and import of the unit tree as an Excel workbook. */
export function UnitExcel({ canImport, onImported }: { canImport: boolean; onImported(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportRowError[] | null>(null);

  const download = async (path: '/api/v1/units/template' | '/api/v1/units/export', fallback: string) => {
    try {
      const result = await api.GET(path, { parseAs: 'blob' });
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, fallback));
    } catch (error) {
      onProblem(error);
    }
  };

  const upload = async (file: File) => {
    if (file.size > limits.uploadBytes) {
      void message.error(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    setImporting(true);
    try {
      const result = unwrap(
        await api.POST('/api/v1/units/import', {
          // The workbook goes as the raw body, not as multipart form data.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': XLSX },
        }),
      );
      void message.success(t('units.excel.imported', result));
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
      <Button onClick={() => download('/api/v1/units/template', 'units-template.xlsx')}>
        {t('units.excel.template')}
      </Button>
      <Button onClick={() => download('/api/v1/units/export', 'units.xlsx')}>
        {t('units.excel.export')}
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
          <Button loading={importing}>{t('units.excel.import')}</Button>
        </Upload>
      )}
      <ImportReportModal report={report} onClose={() => setReport(null)} keys="units.excel" />
    </>
  );
}
