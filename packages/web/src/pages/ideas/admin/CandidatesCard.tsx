import { Card, Flex, Skeleton, Spin, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { HiddenActionsTitle, RowActionButton } from '../../../components/rowActions';

export type Candidate = components['schemas']['HonourListCandidate'];

/**
 * What shows while something is on the way: a spinner with what is being done, and grey bars
 * where it will be; never an empty table, which would read as "no data".
 */
export function LoadingNote({ text }: { text: string }) {
  return (
    <div role="status" aria-busy="true" data-testid="loading-note">
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Spin size="small" />
        <Typography.Text type="secondary">{text}</Typography.Text>
      </Flex>
      <Skeleton active title={false} paragraph={{ rows: 4 }} />
    </div>
  );
}

/** The candidates of a list (null while they are computed), each with a button to add it. */
export function CandidatesCard({
  size,
  candidates,
  canAdd,
  onAdd,
  failure,
}: {
  size: number;
  candidates: Candidate[] | null;
  /** What shows in place of the candidates when their load failed. */
  failure?: ReactNode;
  canAdd(c: Candidate): boolean;
  onAdd(c: Candidate): void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('ideas.selection.candidates', { size })}>
      {failure ? (
        failure
      ) : candidates === null ? (
        <LoadingNote text={t('ideas.selection.loadingCandidates')} />
      ) : (
        <Table<Candidate>
          rowKey={(c) => c.suggestionId ?? c.title}
          size="small"
          dataSource={candidates}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('ideas.selection.noCandidates') }}
          columns={[
            { title: t('ideas.fields.title'), dataIndex: 'title' },
            { title: t('ideas.selection.score'), dataIndex: 'score', render: (v: number) => v.toFixed(2) },
            {
              title: t('ideas.selection.keywords'),
              dataIndex: 'keywords',
              render: (ks: string[]) => ks.map((k) => <Tag key={k}>{k}</Tag>),
            },
            {
              title: <HiddenActionsTitle />,
              key: 'add',
              render: (_, c) => (
                <RowActionButton
                  disabled={!canAdd(c)}
                  onClick={() => onAdd(c)}
                  action={t('ideas.selection.add')}
                  row={c.title}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
