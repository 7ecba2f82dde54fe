import { useCallback } from 'react';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';

/** Sends one scan of a paper suggestion as multipart/form-data (field `file`). */
export function useScanUpload() {
  const api = useApi();
  return useCallback(
    async (suggestionId: string, file: File) => {
      const body = new FormData();
      body.set('file', file);
      return unwrap(
        await api.POST('/api/v1/ideas/suggestions/{id}/attachments', {
          params: { path: { id: suggestionId } },
          body: body as unknown as { file?: string },
          bodySerializer: (b: unknown) => b as FormData,
        }),
      );
    },
    [api],
  );
}
