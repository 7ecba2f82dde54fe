import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { XlsxUpload } from '../../components/XlsxUpload';

/** Template, export and import of the unit tree as an Excel workbook. */
export function UnitExcel({ canImport, onImported }: { canImport: boolean; onImported(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/units/import', rawFile(file))),
    onDone: (result) => {
      void message.success(t('units.excel.imported', result));
      onImported();
    },
  });

  const template = useDownload(
    () => api.GET('/api/v1/units/template', { parseAs: 'blob' }),
    'units-template.xlsx',
  );
  const exported = useDownload(() => api.GET('/api/v1/units/export', { parseAs: 'blob' }), 'units.xlsx');

  return (
    <>
      {canImport && (
        <Button onClick={template.download} loading={template.busy}>
          {t('units.excel.template')}
        </Button>
      )}
      <Button onClick={exported.download} loading={exported.busy}>
        {t('units.excel.export')}
      </Button>
      {canImport && (
        <XlsxUpload upload={upload} importing={importing}>
          {t('units.excel.import')}
        </XlsxUpload>
      )}
      <ImportReportModal report={report} onClose={closeReport} keys="units.excel" />
    </>
  );
}
