import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isStaff } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { useProblemHandler } from './useProblemHandler';

/** A signed-in person's menu; its items include logout (one click away). */
export function AccountMenu() {
  const { t } = useTranslation();
  const { user, menu, logout } = useSession();
  const navigate = useNavigate();
  const onProblem = useProblemHandler();

  const items: MenuProps['items'] = [
    ...(isStaff(menu) ? [{ key: 'admin', label: <Link to="/admin">{t('common.adminConsole')}</Link> }] : []),
    { key: 'inbox', label: <Link to="/inbox">{t('common.inbox.menu')}</Link> },
    { key: 'password', label: <Link to="/account/password">{t('common.changePassword')}</Link> },
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

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button size="small" data-testid="user-menu">
        {user?.displayName}
      </Button>
    </Dropdown>
  );
}
