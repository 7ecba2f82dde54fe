import {
  Button,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { type Role, roles, type User } from '../../api/types';
import { dayInChina } from '../../components/dayInChina';
import { useFeedback } from '../../components/Feedback';
import { RowActionButton } from '../../components/rowActions';
import { SecretModal } from '../../components/SecretModal';
import { useProblemHandler } from '../../components/useProblemHandler';
import { InvitationsTable } from './InvitationsTable';
import { InviteModal } from './InviteModal';
import { RolesModal } from './RolesModal';
import { UserCreateModal } from './UserCreateModal';
import { useUserActions } from './useUserActions';

interface Query {
  page: number;
  pageSize: number;
  q: string;
  role: Role | undefined;
}

export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const onProblem = useProblemHandler();
  const { message } = useFeedback();
  // The search box's text: set by the reader, or by a creation that shows its new account.
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20, q: '', role: undefined });
  const [data, setData] = useState<{ total: number; items: User[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [creating, setCreating] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  // A password shown once: a new account's first one, or the one a reset made.
  const [password, setPassword] = useState<{ value: string; reset: boolean } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  // Bumped when an invitation is issued, so the invitations tab lists it.
  const [invitations, setInvitations] = useState(0);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const { page, pageSize, q, role } = query;
      const params = { page, pageSize, ...(q ? { q } : {}), ...(role ? { role } : {}) };
      setData(unwrap(await api.GET('/api/v1/users', { params: { query: params } })));
    } catch (error) {
      onProblem(error);
    } finally {
      setLoading(false);
    }
  }, [api, query, onProblem]);

  useEffect(() => {
    void load();
  }, [load]);

  const actions = useUserActions({
    onChanged: () => void load(),
    onPassword: (value) => setPassword({ value, reset: true }),
  });

  const columns: TableColumnsType<User> = [
    { title: t('users.fields.login'), dataIndex: 'login', key: 'login' },
    {
      title: t('users.fields.displayName'),
      key: 'displayName',
      // Widths let long names, roles and tags wrap, so every column fits a 1280 px window and
      // nothing slides under the fixed actions column.
      width: 200,
      render: (_, user) => (
        <Space size={4} wrap>
          {user.displayName}
          {user.isDemo && <Tag>{t('common.demo')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.fields.phone'),
      dataIndex: 'phoneMasked',
      key: 'phone',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('users.fields.roles'),
      key: 'roles',
      width: 200,
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.roles.map((grant) => (
            <Tag key={`${grant.role}:${grant.unitId}`}>
              {t(`common.roles.${grant.role}`)} · {grant.unitName}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.fields.status'),
      key: 'status',
      width: 120,
      render: (_, user) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={user.disabled ? 'default' : 'green'}>
            {t(user.disabled ? 'users.status.disabled' : 'users.status.active')}
          </Tag>
          {user.mustChangePassword && <Tag color="orange">{t('users.status.mustChangePassword')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      render: (at: string) => dayInChina(at),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      // Its four buttons wrap onto three lines rather than pin 390 px of the table in English.
      width: 170,
      render: (_, user) => (
        <Space size={0} wrap>
          <RowActionButton
            type="link"
            onClick={() => setEditing(user)}
            action={t('users.actions.roles')}
            row={user.displayName}
          />
          <RowActionButton
            type="link"
            onClick={() => actions.toggleDisabled(user)}
            action={t(user.disabled ? 'users.actions.enable' : 'users.actions.disable')}
            row={user.displayName}
          />
          <RowActionButton
            type="link"
            onClick={() => actions.resetPassword(user)}
            action={t('users.actions.resetPassword')}
            row={user.displayName}
          />
          <RowActionButton
            type="link"
            onClick={() => actions.revokeSessions(user)}
            action={t('users.actions.revokeSessions')}
            row={user.displayName}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'accounts',
            label: t('users.tabs.accounts'),
            children: (
              <>
                <Flex gap={8} wrap style={{ marginBottom: 16 }}>
                  {/* The placeholder is short enough for a phone; how a number may be typed is said below it. */}
                  <Flex vertical gap={2} style={{ width: 320, maxWidth: '100%' }}>
                    <Input.Search
                      aria-label={t('users.search')}
                      aria-describedby="users-search-help"
                      allowClear
                      placeholder={t('users.search')}
                      value={search}
                      onChange={(event) => setSearch(event.target.value)}
                      onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim(), page: 1 }))}
                    />
                    <Typography.Text id="users-search-help" type="secondary" style={{ fontSize: 12 }}>
                      {t('users.searchHelp')}
                    </Typography.Text>
                  </Flex>
                  <Select<Role>
                    aria-label={t('users.filterRole')}
                    allowClear
                    placeholder={t('users.filterRole')}
                    value={query.role}
                    options={roles.map((role) => ({ value: role, label: t(`common.roles.${role}`) }))}
                    onChange={(role) => setQuery((prev) => ({ ...prev, role, page: 1 }))}
                    style={{ width: 180 }}
                  />
                  <Button type="primary" data-testid="user-create" onClick={() => setCreating(true)}>
                    {t('users.create.button')}
                  </Button>
                  <Button data-testid="user-invite" onClick={() => setInviting(true)}>
                    {t('users.invite.button')}
                  </Button>
                </Flex>
                <Table<User>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={data.items}
                  loading={loading}
                  scroll={{ x: 'max-content' }}
                  pagination={{
                    current: query.page,
                    pageSize: query.pageSize,
                    total: data.total,
                    showSizeChanger: true,
                    showTotal: (total) => t('common.total', { total }),
                    onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
                  }}
                />
              </>
            ),
          },
          {
            key: 'invitations',
            label: t('users.tabs.invitations'),
            children: (
              <InvitationsTable
                version={invitations}
                // Not in the tab bar: a button among the tabs breaks the tab list's roles (axe).
                extra={
                  <Button data-testid="invitation-invite" onClick={() => setInviting(true)}>
                    {t('users.invite.button')}
                  </Button>
                }
              />
            ),
          },
        ]}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(login, initial) => {
          setCreating(false);
          setPassword(initial === null ? null : { value: initial, reset: false });
          // Sorted by login, a new account may land pages away: the list is narrowed to it, so
          // the reader sees what was made (the search box says why the list is short).
          void message.success(t('users.create.done', { login }));
          setSearch(login);
          setQuery((prev) => ({ ...prev, q: login, role: undefined, page: 1 }));
        }}
      />
      <InviteModal
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(url) => {
          setInviting(false);
          setLink(url);
          setInvitations((n) => n + 1);
        }}
      />
      <RolesModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void load();
        }}
      />
      <SecretModal
        title={t(password?.reset ? 'users.passwordReset' : 'users.passwordShown')}
        secret={password?.value ?? null}
        testId="initial-password"
        onClose={() => setPassword(null)}
      />
      <SecretModal
        title={t('users.invite.linkShown')}
        secret={link}
        testId="invite-link"
        onClose={() => setLink(null)}
      />
    </>
  );
}
