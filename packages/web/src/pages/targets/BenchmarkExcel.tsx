import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { ImportReportModal } from '../../components/ImportReportModal';
import { useDownload } from '../../components/useDownload';
import { rawFile, useFileImport } from '../../components/useFileImport';
import { XlsxUpload } from '../../components/XlsxUpload';

/**
 * The benchmark values' template, export and import. A refused file is reported row by row, each
 * cell by its row and its column's header as the server names it; nothing of it is imported.
 */
export function BenchmarkExcel({ onImported }: { onImported(): Promise<void> }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const { upload, importing, report, closeReport } = useFileImport({
    send: async (file) => unwrap(await api.POST('/api/v1/targets/benchmarks/import', rawFile(file))),
    onDone: async (result) => {
      void message.success(t('targets.benchmarks.values.imported', { count: result.imported }));
      await onImported();
    },
  });
  const template = useDownload(
    () => api.GET('/api/v1/targets/benchmarks/template', { parseAs: 'blob' }),
    'benchmarks-template.xlsx',
  );
  const exported = useDownload(
    () => api.GET('/api/v1/targets/benchmarks/export', { parseAs: 'blob' }),
    'benchmarks.xlsx',
  );
  return (
    <>
      <Button onClick={template.download} loading={template.busy}>
        {t('targets.excel.template')}
      </Button>
      <Button onClick={exported.download} loading={exported.busy}>
        {t('targets.excel.export')}
      </Button>
      <XlsxUpload type="primary" upload={upload} importing={importing}>
        {t('targets.excel.import')}
      </XlsxUpload>
      <ImportReportModal report={report} onClose={closeReport} keys="targets.excel" />
    </>
  );
}
