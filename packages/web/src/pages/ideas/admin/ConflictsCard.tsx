import { Button, Card, Flex, List, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/ApiContext';
import { unwrap } from '../../../api/problem';
import { useFeedback } from '../../../components/Feedback';
import { LoadFailed } from '../../../components/LoadFailed';
import { useProblemHandler } from '../../../components/useProblemHandler';
import { useLoad, useTowns } from '../shared';

/**
 * An expert's conflicts of interest (回避): the units declared, each withdrawable, and a picker
 * to declare another; suggestions of that unit and those below it are then not theirs to score.
 */
export function ConflictsCard({ onChanged }: { onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const unitList = useTowns();
  const { units } = unitList;
  const [unitId, setUnitId] = useState<string | null>(null);
  const declared = useLoad(
    async () => unwrap(await api.GET('/api/v1/ideas/reviews/conflicts')),
    ['conflicts'],
  );
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      setUnitId(null);
      void declared.reload();
      onChanged();
    } catch (error) {
      onProblem(error);
    }
  };
  const declare = () => {
    const name = units.find((u) => u.id === unitId)?.name ?? '';
    return run(
      async () => unwrap(await api.POST('/api/v1/ideas/reviews/conflicts', { body: { unitId: unitId! } })),
      t('ideas.review.declared', { name }),
    );
  };
  const withdraw = (id: string) =>
    run(
      async () =>
        unwrap(
          await api.DELETE('/api/v1/ideas/reviews/conflicts/{unitId}', { params: { path: { unitId: id } } }),
        ),
      t('ideas.review.withdrawn'),
    );
  const taken = new Set((declared.data ?? []).map((c) => c.unitId));
  return (
    <Card size="small" title={t('ideas.review.conflicts')} data-testid="review-conflicts">
      <Typography.Paragraph type="secondary">{t('ideas.review.conflictsIntro')}</Typography.Paragraph>
      {/* A failed load says so, never "none declared" nor grey bars for ever. */}
      {declared.failed && !declared.loading ? (
        <LoadFailed onRetry={() => void declared.reload()} />
      ) : declared.data === null ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <List
          size="small"
          dataSource={declared.data}
          locale={{ emptyText: t('ideas.review.noConflicts') }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="withdraw" size="small" onClick={() => withdraw(c.unitId)}>
                  {t('ideas.review.withdraw')}
                </Button>,
              ]}
            >
              {c.name}
            </List.Item>
          )}
        />
      )}
      {/* Without the units the picker offers none to declare: say so, with a retry. */}
      {unitList.failed && (
        <div style={{ marginTop: 8 }}>
          <LoadFailed onRetry={() => void unitList.reload()} />
        </div>
      )}
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('ideas.review.conflictUnit')}
          placeholder={t('ideas.review.conflictUnit')}
          style={{ minWidth: 220 }}
          value={unitId}
          onChange={setUnitId}
          options={units.filter((u) => !taken.has(u.id)).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="conflict-unit"
        />
        <Button disabled={!unitId} onClick={declare} data-testid="conflict-declare">
          {t('ideas.review.declare')}
        </Button>
      </Flex>
    </Card>
  );
}
