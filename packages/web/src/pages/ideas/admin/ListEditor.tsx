import { Alert, Button, Flex, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { dayInChina } from '../../../components/dayInChina';
import { useFeedback } from '../../../components/Feedback';
import { LoadFailed } from '../../../components/LoadFailed';
import { RowActionButton } from '../../../components/rowActions';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { type ListKind, useCampaign, useLoad } from '../shared';
import { type Candidate, CandidatesCard, LoadingNote } from './CandidatesCard';
import { WithdrawEntry } from './WithdrawEntry';
import { WithdrawnEntries } from './WithdrawnEntries';

type Entry = components['schemas']['HonourListEntryInput'];

/**
 * One honour list: pick from the candidates, order, word the citations, save, publish; once
 * published, withdraw an entry with a reason.
 */
export function ListEditor({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const campaignLoad = useCampaign();
  const { campaign } = campaignLoad;
  const size = campaign?.listSizes[kind] ?? 10;
  const lists = useLoad(async () => unwrap(await api.GET('/api/v1/ideas/lists')), ['lists', kind]);
  const list = lists.data?.find((l) => l.kind === kind);
  const published = Boolean(list?.publishedAt);
  // The server says whether the draft may still change and be published; the page does not guess.
  const editable = list?.actions.save ?? false;
  // Asked for once the lists say this one may still be edited: otherwise none are needed.
  const candidates = useLoad(
    async () =>
      lists.loading
        ? null
        : !editable
          ? []
          : unwrap(await api.GET('/api/v1/ideas/lists/{kind}/candidates', { params: { path: { kind } } })),
    [kind, editable, lists.loading],
  );
  const saved = useMemo(
    () =>
      (list?.entries ?? []).map(({ rank, suggestionId, memberIds, title, citation }) => ({
        rank,
        suggestionId,
        memberIds,
        title,
        citation,
      })),
    [list],
  );
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => setEntries(saved), [saved]);
  // Publishing publishes what the server holds: an order or a citation changed here and not saved
  // would be left out without a word, and a published list no longer changes.
  const unsaved = JSON.stringify(entries) !== JSON.stringify(saved);

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
          title={t('ideas.selection.isPublished', { at: list?.publishedAt && dayInChina(list.publishedAt) })}
          data-testid={`published-${kind}`}
        />
      )}
      {lists.loading ? (
        <LoadingNote text={t('ideas.selection.loadingList')} />
      ) : lists.failed ? (
        // A failed load is not an empty list.
        <LoadFailed onRetry={() => void lists.reload()} />
      ) : (
        <Table<Entry>
          rowKey="rank"
          size="small"
          pagination={false}
          dataSource={entries}
          locale={{ emptyText: t('ideas.selection.emptyList') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('ideas.selection.rank'), dataIndex: 'rank', width: 60 },
            { title: t('ideas.fields.title'), dataIndex: 'title' },
            {
              title: t('ideas.selection.citation'),
              dataIndex: 'citation',
              render: (c: string, _, i) =>
                !editable ? (
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
            ...(list?.actions.withdraw
              ? [
                  {
                    title: t('common.actions'),
                    fixed: 'right' as const,
                    key: 'withdraw',
                    render: (_: unknown, row: Entry) => {
                      const entry = list.entries.find((e) => e.rank === row.rank);
                      return entry ? (
                        <WithdrawEntry kind={kind} entry={entry} onDone={() => void lists.reload()} />
                      ) : null;
                    },
                  },
                ]
              : []),
            ...(!editable
              ? []
              : [
                  {
                    title: t('common.actions'),
                    fixed: 'right' as const,
                    key: 'move',
                    render: (_: unknown, row: Entry, i: number) => (
                      <Space size={4}>
                        <RowActionButton
                          disabled={i === 0}
                          onClick={() => move(i, -1)}
                          action={t('ideas.selection.up')}
                          row={row.title}
                        />
                        <RowActionButton
                          disabled={i === entries.length - 1}
                          onClick={() => move(i, 1)}
                          action={t('ideas.selection.down')}
                          row={row.title}
                        />
                        <RowActionButton
                          danger
                          onClick={() => setEntries(ranked(entries.filter((_, j) => j !== i)))}
                          action={t('common.remove')}
                          row={row.title}
                        />
                      </Space>
                    ),
                  },
                ]),
          ]}
        />
      )}
      {list && list.withdrawals.length > 0 && <WithdrawnEntries withdrawals={list.withdrawals} />}
      {editable && (
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
              disabled={!list?.actions.publish || unsaved}
              data-testid={`list-publish-${kind}`}
            >
              {t('ideas.selection.publish')}
            </Button>
          </Popconfirm>
          {unsaved && <Typography.Text type="warning">{t('ideas.selection.saveFirst')}</Typography.Text>}
        </Space>
      )}
      {editable && (
        <CandidatesCard
          size={size}
          candidates={lists.loading || candidates.loading ? null : candidates.data}
          failure={
            // Without the campaign the list's size is not known: say so rather than guess it.
            campaignLoad.failed ? (
              <LoadFailed onRetry={() => void campaignLoad.reload()} />
            ) : candidates.failed && !candidates.loading ? (
              <LoadFailed onRetry={() => void candidates.reload()} />
            ) : undefined
          }
          canAdd={(c) => entries.length < size && !taken.has(c.suggestionId ?? c.title)}
          onAdd={add}
        />
      )}
      <Typography.Text type="secondary">
        {t('ideas.selection.listHint', {
          method: t(`ideas.selection.methodShort.${campaign?.reviewMethod ?? 'z'}`),
        })}
      </Typography.Text>
    </Flex>
  );
}
