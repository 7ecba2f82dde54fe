import { Badge, Button, Dropdown, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useApi } from '../api/ApiContext';
import { isStaff } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { AntdScope } from './AntdScope';
import { onInboxChanged } from './inboxChanged';
import { useProblemHandler } from './useProblemHandler';

/**
 * The unread messages' count, asked again on each page change and whenever the inbox page marks
 * messages read (the badge said 11 beside the page's "10 unread" until the next page change).
 */
function useUnread(): number {
  const api = useApi();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [marked, setMarked] = useState(0);
  useEffect(() => onInboxChanged(() => setMarked((n) => n + 1)), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each page change or marking asks again on purpose
  useEffect(() => {
    let live = true;
    // A badge is a hint: a failed count leaves the last one rather than interrupting the page.
    api.GET('/api/v1/inbox/unread').then(
      (res) => live && res.data && setUnread(res.data.unread),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, pathname, marked]);
  return unread;
}

/** A signed-in person's menu; its items include logout (one click away). */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, menu, logout } = useSession();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();
  const unread = useUnread();
  // The public site's own pages the server's menu gives this person (我的建议, a firm's page).
  const own = menu.filter((m) => !m.path.startsWith('/admin'));

  const items: MenuProps['items'] = [
    ...(isStaff(menu) ? [{ key: 'admin', label: <Link to="/admin">{t('common.adminConsole')}</Link> }] : []),
    ...own.map((m) => ({ key: m.path, label: <Link to={m.path}>{t(m.label)}</Link> })),
    {
      key: 'inbox',
      label: (
        <Link to="/inbox" data-testid="inbox-link">
          {t('common.inbox.menu')} <Badge count={unread} size="small" aria-hidden />
        </Link>
      ),
    },
    { key: 'password', label: <Link to="/account/password">{t('common.changePassword')}</Link> },
    { key: 'devices', label: <Link to="/account/devices">{t('common.devices')}</Link> },
    { type: 'divider' },
    { key: 'logout', label: <span data-testid="logout">{t('common.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    // Leave first: a console page would otherwise see the session end and ask to sign in again.
    Promise.resolve(navigate('/'))
      .then(logout)
      .catch((error: unknown) => onProblem(error));
  };

  const label =
    unread > 0
      ? t('common.inbox.nameAndUnread', {
          name: user?.displayName,
          unread: t('common.inbox.badge', { count: unread }),
        })
      : undefined;
  return (
    <AntdScope>
      {/* The count sits beside the name, not on its corner: a corner count reaches past the
          button by half its width, and with ten or more unread it pushed a phone's page wider
          than the phone. A long name shortens with an ellipsis rather than widen the page. */}
      <span className="qx-account">
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          {/* antd spaces out a two-character label (张 伟); a name keeps its letters together, and
              the visible name stays the start of the spoken one (WCAG 2.5.3, label in name). */}
          <Button
            size="small"
            data-testid="user-menu"
            aria-label={label}
            title={user?.displayName}
            autoInsertSpace={false}
          >
            {user?.displayName}
          </Button>
        </Dropdown>
        {unread > 0 && <Badge count={unread} size="small" aria-hidden data-testid="unread-count" />}
      </span>
    </AntdScope>
  );
}
