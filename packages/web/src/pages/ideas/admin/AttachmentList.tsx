import { Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { saveBlob } from '../../../components/download';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { formatDate } from '../shared';

type Attachment = components['schemas']['IdeaAttachment'];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The scans kept with a paper suggestion, each to download. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  if (attachments.length === 0) return null;
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
      <Typography.Title level={5}>{t('ideas.screening.attachments')}</Typography.Title>
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
