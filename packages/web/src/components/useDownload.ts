import { useState } from 'react';
import { unwrap } from '../api/problem';
import { fileNameOf, saveBlob } from './download';
import { useProblemHandler } from './useProblemHandler';

/**
 * A download button's action: fetches the file (as a blob), saves it under the name the server
 * proposes, and shows a problem the usual way; `busy` while it runs.
 */
export function useDownload(
  fetchFile: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
) {
  const onProblem = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const result = await fetchFile();
      saveBlob(unwrap(result) as Blob, fileNameOf(result.response, fallbackName));
    } catch (error) {
      onProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return { download, busy };
}
