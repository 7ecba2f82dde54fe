import { limits } from '@qianxing/core/limits';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toProblem } from '../api/problem';
import { type ImportRowError, importRowErrors } from '../pages/units/importReport';
import { useFeedback } from './Feedback';
import { useProblemHandler } from './useProblemHandler';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Request options that send a file as the raw body (the import routes take no multipart form). */
export function rawFile(file: File, contentType = XLSX) {
  return {
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body,
    headers: { 'content-type': contentType },
  };
}

/**
 * The upload of an import: refuses a file over the size limit before sending it, shows the row
 * report of a refused file (its columns named by `fieldLabel`, else by the headers the server
 * gives), any other problem as usual.
 */
export function useFileImport<R>(options: {
  send(file: File): Promise<R>;
  onDone(result: R): void | Promise<void>;
  fieldLabel?: (field: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportRowError[] | null>(null);

  const upload = async (file: File) => {
    if (file.size > limits.uploadBytes) {
      void message.error(t('errors.PAYLOAD_TOO_LARGE'));
      return;
    }
    setImporting(true);
    try {
      await options.onDone(await options.send(file));
    } catch (error) {
      const problem = toProblem(error);
      if (problem.code === 'VALIDATION' && problem.errors?.length) {
        const label = options.fieldLabel;
        const rows = importRowErrors(problem);
        setReport(rows.map((e) => ({ ...e, field: label ? label(e.field) : (e.column ?? e.field) })));
      } else onProblem(error);
    } finally {
      setImporting(false);
    }
  };
  return { upload, importing, report, closeReport: () => setReport(null) };
}
