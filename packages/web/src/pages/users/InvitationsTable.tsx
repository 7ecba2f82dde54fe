import { Flex, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import type { Invitation } from '../../api/types';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { emptyUnlessFailed } from '../../components/LoadFailed';
import { RowActionButton } from '../../components/rowActions';
import { useLoad } from '../../components/useLoad';
import { useProblemHandler } from '../../components/useProblemHandler';

type State = Invitation['state'];
const states: State[] = ['open', 'accepted', 'expired', 'revoked'];
const stateColour: Record<State, string> = {
  open: 'blue',
  accepted: 'green',
  expired: 'default',
  revoked: 'red',
};

/**
 * The invitations this admin could have issued, by state, and the withdrawal of an open one: a
 * link sent to the wrong person, or leaked, would otherwise grant its roles until it expires.
 * `version` changes when the page issues a new one; `extra` stands beside the state filter.
 */
export function InvitationsTable({ version, extra }: { version: number; extra?: ReactNode }) {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { modal, message } = useFeedback();
  const [query, setQuery] = useState({ state: 'open' as State, page: 1, pageSize: 20 });
  const list = useLoad(
    async () => unwrap(await api.GET('/api/v1/invitations', { params: { query } })),
    [query, version],
  );

  const revoke = (invitation: Invitation) =>
    modal.confirm({
      title: t('users.invitations.confirmRevoke', { name: invitation.displayName }),
      content: t('users.invitations.confirmRevokeDetail'),
      okText: t('users.invitations.revoke'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          unwrap(
            await api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id: invitation.id } } }),
          );
          void message.success(t('users.invitations.revoked'));
        } catch (error) {
          onProblem(error);
        }
        await list.reload();
      },
    });

  const columns: TableColumnsType<Invitation> = [
    { title: t('users.invitations.invitee'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('users.fields.roles'),
      key: 'roles',
      width: 220,
      render: (_, invitation) => (
        <Space size={[4, 4]} wrap>
          {invitation.roles.map((grant) => (
            <Tag key={`${grant.role}:${grant.unitId}`}>
              {t(`common.roles.${grant.role}`)} · {grant.unitName}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('users.invitations.invitedBy'), dataIndex: 'invitedBy', key: 'invitedBy' },
    {
      title: t('users.invitations.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => dayInChina(at),
    },
    {
      title: t('users.invitations.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      render: (at: string) => dayInChina(at),
    },
    {
      title: t('users.fields.status'),
      key: 'state',
      render: (_, invitation) => (
        <Space size={4} wrap>
          <Tag color={stateColour[invitation.state]}>{t(`users.invitations.states.${invitation.state}`)}</Tag>
          {invitation.closedAt && dayInChina(invitation.closedAt)}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, invitation) =>
        invitation.state === 'open' ? (
          <RowActionButton
            type="link"
            danger
            onClick={() => revoke(invitation)}
            action={t('users.invitations.revoke')}
            row={invitation.displayName}
          />
        ) : null,
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented<State>
          aria-label={t('users.invitations.filter')}
          value={query.state}
          options={states.map((state) => ({ value: state, label: t(`users.invitations.states.${state}`) }))}
          onChange={(state) => setQuery((prev) => ({ ...prev, state, page: 1 }))}
        />
        {extra}
      </Flex>
      <Table<Invitation>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: emptyUnlessFailed(list) }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
        }}
      />
    </>
  );
}
