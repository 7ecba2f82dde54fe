import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { paths } from '../../api/schema';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { XlsxUpload } from '../../components/XlsxUpload';

type Filters = NonNullable<paths['/api/v1/reforms/projects/export']['get']['parameters']['query']>;

/**
 * Template, export and import of the ledger (改革任务台账); the row report names each column by its
 * header. The export takes the page's filters, so the workbook holds the projects on screen.
 */
export function LedgerExcel({
  canImport,
  onImported,
  filters,
}: {
  canImport: boolean;
  onImported(): void;
  filters: Filters;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/reforms/projects/import', rawFile(file))),
    onDone: (result) => {
      void message.success(t('reforms.excel.imported', result));
      onImported();
    },
    // `leadUnit` or `header.leadUnit` → 牵头单位.
    fieldLabel: (field) => {
      const key = field.replace(/^header\./, '');
      return t(`reforms.excel.columns.${key}`, { defaultValue: key });
    },
  });
  const template = useDownload(
    () => api.GET('/api/v1/reforms/projects/template', { parseAs: 'blob' }),
    'reforms-template.xlsx',
  );
  const exported = useDownload(
    () => api.GET('/api/v1/reforms/projects/export', { params: { query: filters }, parseAs: 'blob' }),
    'reforms.xlsx',
  );

  return (
    <>
      {canImport && (
        <Button onClick={template.download} loading={template.busy}>
          {t('reforms.excel.template')}
        </Button>
      )}
      <Button onClick={exported.download} loading={exported.busy} data-testid="reforms-export">
        {t('reforms.excel.export')}
      </Button>
      {canImport && (
        <XlsxUpload upload={upload} importing={importing}>
          {t('reforms.excel.import')}
        </XlsxUpload>
      )}
      <ImportReportModal report={report} onClose={closeReport} keys="reforms.excel" />
    </>
  );
}
