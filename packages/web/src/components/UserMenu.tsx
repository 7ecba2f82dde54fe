import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/SessionContext';

// Only a signed-in person needs the drop-down menu: an anonymous visitor never loads it.
const AccountMenu = lazy(() => import('./AccountMenu').then((m) => ({ default: m.AccountMenu })));

/** Sign-in link when signed out (styled in shell.css, so an anonymous visitor loads no antd button); otherwise a menu whose items include logout (one click away). */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();

  if (!user) {
    return (
      <Link to="/login" className="qx-login">
        {t('common.login')}
      </Link>
    );
  }

  return (
    <Suspense fallback={<span className="qx-user-pending">{user.displayName}</span>}>
      <AccountMenu />
    </Suspense>
  );
}
