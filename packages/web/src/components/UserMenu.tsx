import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/SessionContext';

// Only a signed-in person needs the drop-down menu: an anonymous visitor never loads it.
const AccountMenu = lazy(() => import('./AccountMenu').then((m) => ({ default: m.AccountMenu })));

/** Sign-in link when signed out; otherwise a menu whose items include logout (one click away). */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();

  if (!user) {
    return (
      <Link to="/login">
        <Button type="primary" size="small">
          {t('common.login')}
        </Button>
      </Link>
    );
  }

  return (
    <Suspense fallback={<Button size="small">{user.displayName}</Button>}>
      <AccountMenu />
    </Suspense>
  );
}
