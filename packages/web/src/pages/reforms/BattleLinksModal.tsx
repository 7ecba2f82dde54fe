import { Button, Flex, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { useProblemHandler } from '../../components/useProblemHandler';
import type { ReformBattle } from './shared';
import { WithdrawReasonModal } from './WithdrawReasonModal';

/** The projects and adopted suggestions under a battle: search to add, one click to remove. */
export function LinksModal({
  battle,
  onClose,
  onChanged,
}: {
  battle: ReformBattle;
  onClose(): void;
  onChanged(b: ReformBattle): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const [projects, setProjects] = useState<Array<{ value: string; label: string }>>([]);
  const [ideas, setIdeas] = useState<Array<{ value: string; label: string }>>([]);
  const [takingOff, setTakingOff] = useState<{ id: string; title: string } | null>(null);
  const path = { params: { path: { id: battle.id } } };
  const run = async (call: () => Promise<ReformBattle>) => {
    try {
      onChanged(await call());
    } catch (error) {
      onProblem(error);
    }
  };
  const findProjects = async (q: string) => {
    const page = unwrap(
      await api.GET('/api/v1/reforms/projects', { params: { query: { q, pageSize: 20 } } }),
    );
    setProjects(page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })));
  };
  const findIdeas = async (q: string) => {
    const found = unwrap(await api.GET('/api/v1/reforms/adopted-suggestions', { params: { query: { q } } }));
    setIdeas(found.map((s) => ({ value: s.id, label: s.title })));
  };
  return (
    <Modal
      open
      title={`${battle.name} · ${t('reforms.battles.links')}`}
      onCancel={onClose}
      footer={null}
      width={640}
    >
      <Flex vertical gap={16}>
        <Space.Compact block>
          <Select
            showSearch
            filterOption={false}
            aria-label={t('reforms.battles.linkProject')}
            placeholder={t('reforms.battles.searchProject')}
            style={{ width: '100%' }}
            options={projects}
            onSearch={(q) => void findProjects(q)}
            onFocus={() => void findProjects('')}
            onSelect={(id: string | null) =>
              id &&
              run(async () =>
                unwrap(await api.POST('/api/v1/reforms/battles/{id}/projects', { ...path, body: { id } })),
              )
            }
            value={null}
          />
        </Space.Compact>
        <LinkedList
          title={t('reforms.battles.projects')}
          items={battle.projects.map((p) => ({ id: p.id, label: `${p.code} ${p.name}` }))}
          onUnlink={(target) =>
            run(async () =>
              unwrap(
                await api.DELETE('/api/v1/reforms/battles/{id}/projects/{target}', {
                  params: { path: { id: battle.id, target } },
                }),
              ),
            )
          }
        />
        <Select
          showSearch
          filterOption={false}
          aria-label={t('reforms.battles.linkSuggestion')}
          placeholder={t('reforms.battles.searchSuggestion')}
          options={ideas}
          onSearch={(q) => void findIdeas(q)}
          onFocus={() => void findIdeas('')}
          onSelect={(id: string | null) =>
            id &&
            run(async () =>
              unwrap(await api.POST('/api/v1/reforms/battles/{id}/suggestions', { ...path, body: { id } })),
            )
          }
          value={null}
        />
        <LinkedList
          title={t('reforms.battles.suggestions')}
          items={battle.suggestions.map((x) => ({ id: x.id, label: x.title }))}
          // A suggestion taken off is told why: the office gives a reason first.
          onUnlink={(target) => setTakingOff(battle.suggestions.find((x) => x.id === target) ?? null)}
        />
      </Flex>
      {takingOff && (
        <WithdrawReasonModal
          title={t('reforms.battles.unlinkTitle', { name: battle.name })}
          told={t('reforms.battles.unlinkTold')}
          okText={t('reforms.battles.unlinkOk')}
          suggestions={[takingOff]}
          onWithdraw={async (reason) => {
            const changed = unwrap(
              await api.DELETE('/api/v1/reforms/battles/{id}/suggestions/{target}', {
                params: { path: { id: battle.id, target: takingOff.id } },
                body: { reason },
              }),
            );
            setTakingOff(null);
            onChanged(changed);
          }}
          onClose={() => setTakingOff(null)}
        />
      )}
    </Modal>
  );
}

/** What is linked to the battle, each with its unlink button. */
function LinkedList({
  title,
  items,
  onUnlink,
}: {
  title: string;
  items: Array<{ id: string; label: string }>;
  onUnlink(id: string): void;
}) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={items}
      renderItem={(item) => (
        <List.Item
          actions={[
            <Button key="unlink" size="small" onClick={() => onUnlink(item.id)}>
              {t('reforms.battles.unlink')}
            </Button>,
          ]}
        >
          {item.label}
        </List.Item>
      )}
    />
  );
}
