import { Alert, App, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { type ListKind, useCampaign, useLoad } from '../shared';

type Entry = components['schemas']['HonourListEntryInput'];
type Candidate = components['schemas']['HonourListCandidate'];

/** One honour list: pick from the candidates, order, word the citations, save, publish. */
export function ListEditor({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const campaign = useCampaign();
  const size = campaign?.listSizes[kind] ?? 10;
  const lists = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/lists')), ['lists', kind]);
  const list = lists.data?.find((l) => l.kind === kind);
  const published = Boolean(list?.publishedAt);
  const candidates = useLoad(
    async () =>
      published
        ? []
        : unwrap(await api.GET('/api/v1/ideas/lists/{kind}/candidates', { params: { path: { kind } } })),
    [kind, published, lists.loading],
  );
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    setEntries(
      (list?.entries ?? []).map(({ rank, suggestionId, memberIds, title, citation }) => ({
        rank,
        suggestionId,
        memberIds,
        title,
        citation,
      })),
    );
  }, [list]);

  const ranked = (next: Entry[]) => next.map((e, i) => ({ ...e, rank: i + 1 }));
  const move = (i: number, by: number) => {
    const next = [...entries];
    const [e] = next.splice(i, 1);
    next.splice(i + by, 0, e!);
    setEntries(ranked(next));
  };
  const add = (c: Candidate) =>
    setEntries(
      ranked([
        ...entries,
        { rank: 0, suggestionId: c.suggestionId, memberIds: c.memberIds, title: c.title, citation: '' },
      ]),
    );
  const taken = new Set(entries.map((e) => e.suggestionId ?? e.title));
  const save = async () => {
    try {
      unwrap(await api.PUT('/api/v1/ideas/lists/{kind}', { params: { path: { kind } }, body: { entries } }));
      void message.success(t('ideas.selection.saved'));
      void lists.reload();
    } catch (error) {
      onProblem(error);
    }
  };
  const publish = async () => {
    try {
      unwrap(await api.POST('/api/v1/ideas/lists/{kind}/publish', { params: { path: { kind } } }));
      void message.success(t('ideas.selection.publishedNow'));
      void lists.reload();
    } catch (error) {
      onProblem(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      {published && (
        <Alert
          type="success"
          showIcon
          title={t('ideas.selection.isPublished', { at: list?.publishedAt?.slice(0, 10) })}
          data-testid={`published-${kind}`}
        />
      )}
      <Table<Entry>
        rowKey="rank"
        size="small"
        pagination={false}
        loading={lists.loading}
        dataSource={entries}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ideas.selection.rank'), dataIndex: 'rank', width: 60 },
          { title: t('ideas.fields.title'), dataIndex: 'title' },
          {
            title: t('ideas.selection.citation'),
            dataIndex: 'citation',
            render: (c: string, _, i) =>
              published ? (
                c
              ) : (
                <Input.TextArea
                  autoSize
                  value={c}
                  maxLength={2000}
                  style={{ minWidth: 240 }}
                  data-testid={`citation-${i}`}
                  onChange={(ev) =>
                    setEntries(entries.map((x, j) => (j === i ? { ...x, citation: ev.target.value } : x)))
                  }
                />
              ),
          },
          ...(published
            ? []
            : [
                {
                  title: t('common.actions'),
                  key: 'move',
                  render: (_: unknown, __: Entry, i: number) => (
                    <Space size={4}>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, -1)}>
                        {t('ideas.selection.up')}
                      </Button>
                      <Button size="small" disabled={i === entries.length - 1} onClick={() => move(i, 1)}>
                        {t('ideas.selection.down')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => setEntries(ranked(entries.filter((_, j) => j !== i)))}
                      >
                        {t('common.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]),
        ]}
      />
      {!published && (
        <Space wrap>
          <Button onClick={save} data-testid={`list-save-${kind}`}>
            {t('ideas.selection.save')}
          </Button>
          <Popconfirm
            title={t('ideas.selection.publishConfirm')}
            onConfirm={publish}
            okButtonProps={{ 'data-testid': 'list-publish-confirm' }}
          >
            <Button
              type="primary"
              disabled={!list || list.entries.length === 0}
              data-testid={`list-publish-${kind}`}
            >
              {t('ideas.selection.publish')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {!published && (
        <Card size="small" title={t('ideas.selection.candidates', { size })}>
          <Table<Candidate>
            rowKey={(c) => c.suggestionId ?? c.title}
            size="small"
            loading={candidates.loading}
            dataSource={candidates.data ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('ideas.fields.title'), dataIndex: 'title' },
              { title: t('ideas.selection.score'), dataIndex: 'score', render: (v: number) => v.toFixed(2) },
              {
                title: t('ideas.selection.keywords'),
                dataIndex: 'keywords',
                render: (ks: string[]) => ks.map((k) => <Tag key={k}>{k}</Tag>),
              },
              {
                title: '',
                key: 'add',
                render: (_, c) => (
                  <Button
                    size="small"
                    disabled={entries.length >= size || taken.has(c.suggestionId ?? c.title)}
                    onClick={() => add(c)}
                  >
                    {t('ideas.selection.add')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Typography.Text type="secondary">{t('ideas.selection.listHint')}</Typography.Text>
    </Flex>
  );
}
