import { Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { isFirmStaff, isStaff } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { SiteHeader } from './SiteHeader';

export function PublicLayout() {
  const { t } = useTranslation();
  const { user, menu } = useSession();
  const { pathname } = useLocation();

  const items = [
    { key: '/', label: <Link to="/">{t('common.nav.home')}</Link> },
    { key: '/ideas', label: <Link to="/ideas">{t('ideas.nav.browse')}</Link> },
    { key: '/ideas/submit', label: <Link to="/ideas/submit">{t('ideas.nav.submit')}</Link> },
    {
      key: '/targets/leaderboard',
      label: <Link to="/targets/leaderboard">{t('targets.menu.leaderboard')}</Link>,
    },
    { key: '/reforms', label: <Link to="/reforms">{t('reforms.nav')}</Link> },
    {
      key: '/business/scorecard',
      label: <Link to="/business/scorecard">{t('business.scorecard.nav')}</Link>,
    },
    {
      key: '/business/surveys',
      label: <Link to="/business/surveys">{t('business.scorecard.surveysLink')}</Link>,
    },
    { key: '/inspections/draws', label: <Link to="/inspections/draws">{t('inspections.nav')}</Link> },
    ...(user ? [] : [{ key: '/register', label: <Link to="/register">{t('common.nav.register')}</Link> }]),
    ...(isFirmStaff(menu)
      ? [{ key: '/firm', label: <Link to="/firm">{t('business.menu.myFirm')}</Link> }]
      : []),
    ...(isStaff(menu) ? [{ key: '/admin', label: <Link to="/admin">{t('common.adminConsole')}</Link> }] : []),
  ];

  // A password set by someone else (initial or reset) is replaced before anything else.
  if (user?.mustChangePassword && pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }

  // Every link stays in place and wraps on a narrow screen: the overflow menu antd would build
  // instead keeps hidden copies of the links focusable, which keyboard and screen reader users hit.
  const nav = (
    <nav aria-label={t('common.nav.label')} style={{ minWidth: 200 }}>
      <Menu
        mode="horizontal"
        disabledOverflow
        selectedKeys={[pathname]}
        items={items}
        style={{ borderBottom: 'none', background: 'transparent', flexWrap: 'wrap' }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SiteHeader nav={nav} />
      <Layout.Content style={{ padding: '16px 12px', maxWidth: 1080, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: '16px 12px' }}>
        {t('common.footer')}
        <br />
        {/* Public, so that anyone may keep the audit log's checkpoints and check it later. */}
        <Link to="/audit/checkpoints">{t('audit.checkpoints.nav')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
