import { Button, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import type { Api } from '../../api/client';
import { fieldMessage } from '../../api/fieldMessage';
import { toProblem, unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { problemText } from '../../components/useProblemHandler';
import type { RequestDetail } from './requests';

/** The kinds of file a request takes, as the server checks them. */
export const requestFileKinds = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';

/** Sends one file to a request. */
export async function sendRequestFile(api: Api, requestId: string, file: File) {
  const body = new FormData();
  body.set('file', file);
  unwrap(
    await api.POST('/api/v1/business/requests/{id}/files', {
      params: { path: { id: requestId } },
      body: body as unknown as { file?: string },
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}

/**
 * Why the server refused a file, in the reader's words: the refusal of the file itself (its type,
 * an empty file, a request closed meanwhile) by its field code, else the problem's code.
 */
export function fileRefusal(t: TFunction, error: unknown): string {
  const problem = toProblem(error);
  const atFile = problem.errors?.find((e) => e.path === 'file');
  return atFile ? fieldMessage(t, atFile) : problemText(t, problem);
}

/**
 * Adds a file to a request already raised (one refused while it was raised, say), while the server
 * allows; the request is read again so its list of files shows the new one.
 */
export function RequestFileButton({
  request,
  onChange,
}: {
  request: RequestDetail;
  onChange: (r: RequestDetail) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  if (!request.actions.attach) return null;
  const add = async (file: File) => {
    setBusy(true);
    try {
      await sendRequestFile(api, request.id, file);
      onChange(
        unwrap(await api.GET('/api/v1/business/requests/{id}', { params: { path: { id: request.id } } })),
      );
      message.success(t('business.requests.uploaded'));
    } catch (error) {
      message.error(t('business.requests.fileRefused', { name: file.name, reason: fileRefusal(t, error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept={requestFileKinds}
      showUploadList={false}
      beforeUpload={(file) => {
        void add(file);
        return false;
      }}
    >
      <Button size="small" loading={busy} data-testid="request-file-add">
        {t('business.requests.upload')}
      </Button>
    </Upload>
  );
}
