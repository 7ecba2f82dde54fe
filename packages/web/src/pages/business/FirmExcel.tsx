import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { XlsxUpload } from '../../components/XlsxUpload';

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
  const { message } = useFeedback();
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/business/firms/import', rawFile(file))),
    onDone: (result) => {
      void message.success(t('business.excel.imported', result));
      onImported();
    },
    // The columns by the names the template gives them.
    fieldLabel: (field) => t(`business.fields.${field}`, { defaultValue: field }),
  });
  const template = useDownload(
    () => api.GET('/api/v1/business/firms/template', { parseAs: 'blob' }),
    'firms-template.xlsx',
  );
  const exported = useDownload(
    () => api.GET('/api/v1/business/firms/export', { params: { query: filters }, parseAs: 'blob' }),
    'firms.xlsx',
  );

  return (
    <>
      {canImport && (
        <Button onClick={template.download} loading={template.busy}>
          {t('business.excel.template')}
        </Button>
      )}
      <Button onClick={exported.download} loading={exported.busy} data-testid="firm-export">
        {t('business.excel.export')}
      </Button>
      {canImport && (
        <XlsxUpload upload={upload} importing={importing} data-testid="firm-import">
          {t('business.excel.import')}
        </XlsxUpload>
      )}
      <ImportReportModal report={report} onClose={closeReport} keys="business.excel" />
    </>
  );
}
