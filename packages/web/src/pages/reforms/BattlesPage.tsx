import { Button, Flex, Input, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useProblemHandler } from '../../components/useProblemHandler';
import { BattleFormModal, PhasesModal } from './BattleEditors';
import { LinksModal } from './BattleLinksModal';
import { percent, type ReformBattle, useLoad } from './shared';
import { WithdrawReasonModal } from './WithdrawReasonModal';

type Editing =
  | { kind: 'battle'; battle: ReformBattle | 'new' }
  | { kind: 'phases'; battle: ReformBattle }
  | { kind: 'links'; battle: ReformBattle }
  | { kind: 'withdraw'; battle: ReformBattle };

/** The start of the three-step plan, which the office sets once. */
function PlanStart({ start, onSaved }: { start: string | undefined; onSaved(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [value, setValue] = useState(start ?? '');
  const save = async () => {
    try {
      unwrap(await api.PUT('/api/v1/reforms/plan', { body: { startDate: value } }));
      void message.success(t('reforms.battles.planSaved'));
      onSaved();
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Space.Compact>
      <Input
        type="date"
        aria-label={t('reforms.battles.planStart')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        style={{ width: 180 }}
      />
      <Button onClick={save} disabled={!value}>
        {t('reforms.battles.savePlan')}
      </Button>
    </Space.Compact>
  );
}

/** The key battles (十大攻坚战): the office keeps them, their phases and links; lead units read theirs. */
export function BattlesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = useFeedback();
  const onProblem = useProblemHandler();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/reforms/battles')),
    [],
  );
  const write = data?.actions.write ?? false;
  const saved = async () => {
    void message.success(t('reforms.battles.saved'));
    setEditing(null);
    await reload();
  };
  const send = async (b: ReformBattle, reason?: string) => {
    unwrap(
      await api.DELETE('/api/v1/reforms/battles/{id}', {
        params: { path: { id: b.id } },
        ...(reason ? { body: { reason } } : {}),
      }),
    );
    void message.success(t('reforms.battles.deleted'));
    setEditing(null);
    await reload();
  };
  const remove = async (b: ReformBattle) => {
    try {
      await send(b);
    } catch (error) {
      onProblem(error);
    }
  };
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3}>{t('reforms.battles.title')}</Typography.Title>
        <Typography.Text type="secondary">
          {write ? t('reforms.battles.intro') : t('reforms.battles.readOnly')}
        </Typography.Text>
      </div>
      {write && (
        <Flex gap={16} wrap align="center">
          <Button type="primary" onClick={() => setEditing({ kind: 'battle', battle: 'new' })}>
            {t('reforms.battles.create')}
          </Button>
          {data && (
            <PlanStart key={data.plan?.startDate ?? ''} start={data.plan?.startDate} onSaved={reload} />
          )}
        </Flex>
      )}
      <Table<ReformBattle>
        rowKey="id"
        size="small"
        loading={loading}
        // A failed load says so where the rows would be, never as an empty list.
        locale={{ emptyText: emptyUnlessFailed({ failed, reload, loading }) }}
        dataSource={data?.battles ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('reforms.battles.sort'), dataIndex: 'sort' },
          { title: t('reforms.battles.name'), dataIndex: 'name' },
          { title: t('reforms.battles.leadUnit'), dataIndex: 'leadUnit' },
          {
            title: t('reforms.battles.step'),
            key: 'step',
            render: (_, b) => <Tag color="blue">{t(`reforms.steps.${b.step}`)}</Tag>,
          },
          { title: t('reforms.battles.phases'), key: 'phases', render: (_, b) => b.phases.length },
          { title: t('reforms.battles.projects'), key: 'projects', render: (_, b) => b.projects.length },
          {
            title: t('reforms.battles.progress'),
            key: 'progress',
            render: (_, b) => (
              <Progress
                aria-label={t('common.progressOf', { name: b.name })}
                percent={percent(b.progress)}
                size="small"
                style={{ width: 140 }}
              />
            ),
          },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  // Its four buttons wrap onto two lines rather than pin 370 px of the table in
                  // English, over the phases, projects and progress columns.
                  width: 200,
                  render: (_: unknown, b: ReformBattle) => (
                    <Space wrap size={[4, 4]}>
                      <RowActionButton
                        onClick={() => setEditing({ kind: 'battle', battle: b })}
                        action={t('reforms.battles.edit')}
                        row={b.name}
                      />
                      <RowActionButton
                        onClick={() => setEditing({ kind: 'phases', battle: b })}
                        action={t('reforms.battles.editPhases')}
                        row={b.name}
                      />
                      <RowActionButton
                        onClick={() => setEditing({ kind: 'links', battle: b })}
                        action={t('reforms.battles.links')}
                        row={b.name}
                      />
                      {b.suggestions.length > 0 ? (
                        // Citizens' suggestions under it are told why: the office gives a reason.
                        <RowActionButton
                          danger
                          onClick={() => setEditing({ kind: 'withdraw', battle: b })}
                          action={t('reforms.battles.delete')}
                          row={b.name}
                        />
                      ) : (
                        <Popconfirm
                          title={t('reforms.battles.deleteConfirm', { name: b.name })}
                          onConfirm={() => remove(b)}
                        >
                          <RowActionButton danger action={t('reforms.battles.delete')} row={b.name} />
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing?.kind === 'battle' && (
        <BattleFormModal
          battle={editing.battle}
          count={data?.battles.length ?? 0}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {editing?.kind === 'phases' && (
        <PhasesModal battle={editing.battle} onClose={() => setEditing(null)} onSaved={saved} />
      )}
      {editing?.kind === 'withdraw' && (
        <WithdrawReasonModal
          title={t('reforms.battles.withdrawTitle', { name: editing.battle.name })}
          told={t('reforms.battles.withdrawTold', { count: editing.battle.suggestions.length })}
          okText={t('reforms.battles.withdrawOk')}
          suggestions={editing.battle.suggestions}
          onWithdraw={(reason) => send(editing.battle, reason)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'links' && (
        <LinksModal
          battle={editing.battle}
          onClose={() => {
            setEditing(null);
            void reload();
          }}
          onChanged={(b) => setEditing({ kind: 'links', battle: b })}
        />
      )}
    </Flex>
  );
}
