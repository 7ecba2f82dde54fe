import { Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { saveBlob } from '../../../components/download';
import { useFeedback } from '../../../components/Feedback';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { formatDate } from '../shared';
import { scanMaxBytes } from './ScanField';
import { useScanUpload } from './useScanUpload';

type Attachment = components['schemas']['IdeaAttachment'];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The scans kept with a paper suggestion, each to download; those who enter paper suggestions
 * (`editable`) also add one later or remove a wrong one.
 */
export function AttachmentList({
  attachments,
  suggestionId,
  editable = false,
  onChanged,
}: {
  attachments: Attachment[];
  suggestionId?: string;
  editable?: boolean;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const uploadScan = useScanUpload();
  const canEdit = editable && suggestionId !== undefined;
  if (attachments.length === 0 && !canEdit) return null;
  const add = async (file: File) => {
    if (file.size > scanMaxBytes) {
      void message.error(t('ideas.written.scanTooLarge'));
      return;
    }
    try {
      await uploadScan(suggestionId!, file);
      void message.success(t('ideas.screening.scanAdded'));
      onChanged?.();
    } catch (error) {
      onProblem(error);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      unwrap(await api.DELETE('/api/v1/ideas/attachments/{id}', { params: { path: { id: a.id } } }));
      onChanged?.();
    } catch (error) {
      onProblem(error);
    }
  };
  const download = async (a: Attachment) => {
    try {
      const result = await api.GET('/api/v1/ideas/attachments/{id}', {
        params: { path: { id: a.id } },
        parseAs: 'blob',
      });
      saveBlob(unwrap(result) as Blob, a.fileName);
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('ideas.screening.attachments')}
        </Typography.Title>
        {canEdit && (
          <Upload
            accept=".pdf,.png,.jpg,.jpeg"
            showUploadList={false}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button size="small" data-testid="attachment-add">
              {t('ideas.screening.addScan')}
            </Button>
          </Upload>
        )}
      </Space>
      <List
        size="small"
        style={{ marginBottom: 16 }}
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            data-testid="attachment-item"
            actions={[
              <Button key="download" size="small" onClick={() => download(a)}>
                {t('ideas.screening.download')}
              </Button>,
              ...(canEdit
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('ideas.screening.removeScanConfirm')}
                      onConfirm={() => remove(a)}
                    >
                      <Button size="small" danger data-testid="attachment-remove">
                        {t('ideas.screening.removeScan')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Typography.Text ellipsis style={{ minWidth: 0 }}>
              {a.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', marginInlineStart: 8 }}>
              {sizeText(a.size)} · {formatDate(a.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
