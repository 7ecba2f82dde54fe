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
 * Template, export and import of the items or the inspectors; the row report names each row by
 * its number in the sheet and each column by its header there.
 */
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
  });
  // Each cell's column is named as the server names it: by the header of the sheet in the
  // reader's language, exactly as the downloaded template heads it (the items' 实施部门 and the
  // inspectors' 所属部门 are both `unit`, so a key cannot name it). A problem of the whole file
  // has no column, and is named here.
  const rows = report?.map((e) => (e.field === 'file' ? { ...e, field: t('inspections.excel.file') } : e));
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
        <XlsxUpload upload={upload} importing={importing}>
          {t('inspections.excel.import')}
        </XlsxUpload>
      )}
      <ImportReportModal report={rows ?? null} onClose={closeReport} keys="inspections.excel" />
    </>
  );
}
