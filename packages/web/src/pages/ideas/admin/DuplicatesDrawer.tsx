import { Button, Descriptions, Drawer, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { Missing } from '../../../components/NotThere';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { type StaffSuggestion, useLoad } from '../shared';
import { AttachmentList } from './AttachmentList';

/**
 * A row's text, contact and scans, and its near-duplicate group: merge the row into one of
 * them where the server allows it.
 */
export function DuplicatesDrawer({
  item,
  onClose,
  onDone,
}: {
  item: StaffSuggestion | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const id = item?.id ?? '';
  const { data, loading, problem, reload } = useLoad(
    async () =>
      id ? unwrap(await api.GET('/api/v1/ideas/suggestions/{id}', { params: { path: { id } } })) : null,
    [id],
    { notFoundOnPage: true },
  );
  // A failed load says so (or that the row is gone), never "no duplicates".
  const failed = problem !== null && !loading;
  const merge = async (into: string) => {
    try {
      unwrap(
        await api.POST('/api/v1/ideas/suggestions/{id}/screen', {
          params: { path: { id } },
          body: { decision: 'merge', into },
        }),
      );
      void message.success(t('ideas.screening.merged'));
      onClose();
      onDone();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Drawer open={item !== null} onClose={onClose} title={item?.title} size="large" destroyOnHidden>
      {failed && <Missing loading={false} back={null} problem={problem} onRetry={() => void reload()} />}
      {data && !failed && (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.body}</Typography.Paragraph>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('ideas.fields.contact')}>
              {[data.realName, data.phone].filter(Boolean).join(' ') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <AttachmentList
            attachments={data.attachments}
            suggestionId={data.id}
            editable={data.actions.attach}
            onChanged={() => void reload()}
          />
          <Typography.Title level={5}>{t('ideas.screening.group')}</Typography.Title>
        </>
      )}
      {!failed && (
        <List
          loading={loading}
          dataSource={data?.duplicates ?? []}
          locale={{ emptyText: <Empty description={t('ideas.screening.noDuplicates')} /> }}
          renderItem={(d) => (
            <List.Item
              data-testid="duplicate-item"
              actions={
                d.actions.mergeInto
                  ? [
                      <Button
                        key="merge"
                        size="small"
                        onClick={() => merge(d.id)}
                        data-testid={`merge-into-${d.id}`}
                      >
                        {t('ideas.screening.mergeInto')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text>{d.title}</Typography.Text>
                <Space>
                  <Progress
                    aria-label={t('common.similarityTo', { name: d.title })}
                    percent={Math.round(d.similarity * 100)}
                    size="small"
                    style={{ width: 120 }}
                  />
                  {d.duplicate && <Tag color="red">{t('ideas.screening.duplicate')}</Tag>}
                </Space>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
