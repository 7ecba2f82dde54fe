import { limits } from '@qianxing/core/limits';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { toProblem, unwrap } from '../../api/problem';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { useProblemHandler } from '../../components/useProblemHandler';
import { type ImportRowError, importRowErrors } from '../units/importReport';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FirmFilters {
  q?: string;
  industry?: string;
  townId?: string;
  size?: 'large' | 'medium' | 'small' | 'micro';
}

/** The registry's workbooks: the template, an export of what the filters show, and an import. */
export function FirmExcel({
  filters,
  canImport,
  onImported,
}: {
  filters: FirmFilters;
  canImport: boolean;
  onImported(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportRowError[] | null>(null);
  const template = useDownload(
    () => api.GET('/api/v1/business/firms/template', { parseAs: 'blob' }),
    'firms-template.xlsx',
  );
  const exported = useDownload(
    () => api.GET('/api/v1/business/firms/export', { params: { query: filters }, parseAs: 'blob' }),
    'firms.xlsx',
  );

  const upload = async (file: File) => {
    if (file.size > limits.uploadBytes) {
      void message.error(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    setImporting(true);
    try {
      const result = unwrap(
        await api.POST('/api/v1/business/firms/import', {
          // The workbook goes as the raw body, not as multipart form data.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': XLSX },
        }),
      );
      void message.success(t('business.excel.imported', result));
      onImported();
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'VALIDATION' && problem.errors?.length)
        // The columns by the names the template gives them.
        setReport(
          importRowErrors(problem).map((e) => ({
            ...e,
            field: t(`business.fields.${e.field}`, { defaultValue: e.field }),
          })),
        );
      else onProblem(error);
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <Button onClick={template.download} loading={template.busy}>
        {t('business.excel.template')}
      </Button>
      <Button onClick={exported.download} loading={exported.busy} data-testid="firm-export">
        {t('business.excel.export')}
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
          <Button loading={importing} data-testid="firm-import">
            {t('business.excel.import')}
          </Button>
        </Upload>
      )}
      <ImportReportModal report={report} onClose={() => setReport(null)} keys="business.excel" />
    </>
  );
}
