import { Button, Drawer, Grid, Layout, Menu, Result, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { AntdScope } from '../../components/AntdScope';
import { SiteHeader } from '../../components/SiteHeader';
import { TitleHeading } from '../../components/TitleHeading';
import { useHeadingTitle } from '../../components/useHeadingTitle';
import { homeFor, isStaff } from '../../session/roles';
import { useSession } from '../../session/SessionContext';
import { menuItemOf, sectionOf } from './menu';

/** The console: the menu the server sends for this person (by each module's policy), beside the page. */
function AdminFrame() {
  const { t } = useTranslation();
  const { user, menu: items, loading } = useSession();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  // The router's catch-all under /admin: an address that is no console page at all.
  const unknown = useMatches().some(
    (match) => (match.handle as { notFound?: boolean } | undefined)?.notFound,
  );
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [content, setContent] = useState<HTMLElement | null>(null);
  useHeadingTitle(content);

  if (loading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  if (user.mustChangePassword) return <Navigate to="/account/password" replace />;

  // A resident's or a firm's account has no console: its own pages, not a frame with a refusal.
  if (!isStaff(items) && !unknown)
    return (
      <Layout style={{ minHeight: '100vh' }}>
        <SiteHeader />
        <Layout.Content ref={setContent} style={{ padding: 24 }}>
          <Result
            status="403"
            title={<TitleHeading>{t('admin.notStaff.title')}</TitleHeading>}
            subTitle={t('admin.notStaff.detail')}
            extra={
              <Button type="primary" onClick={() => navigate(homeFor({ user, menu: items }))}>
                {t('admin.notStaff.home')}
              </Button>
            }
          />
        </Layout.Content>
      </Layout>
    );

  const current = menuItemOf(pathname, items);
  // A page opens when it, or the list it belongs to (a plan under the plans), is in the menu.
  // An address that is no page is not found, whoever asks: not a page their roles do not reach.
  const allowed = unknown || (isStaff(items) && (!!current || !!sectionOf(pathname, items)));

  const menu = (
    <Menu
      data-testid="admin-menu"
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      onClick={() => setDrawerOpen(false)}
      items={items.map((item) => ({ key: item.path, label: <Link to={item.path}>{t(item.label)}</Link> }))}
      style={{ height: '100%', borderInlineEnd: 'none' }}
    />
  );
  // On a phone the menu opens in a drawer, so the page keeps the whole width.
  const wide = Boolean(screens.lg);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SiteHeader
        leading={
          wide ? undefined : (
            <Button size="small" onClick={() => setDrawerOpen(true)} aria-label={t('admin.openMenu')}>
              {t('admin.menuButton')}
            </Button>
          )
        }
      />
      <Layout>
        {wide ? (
          <Layout.Sider width={200} theme="light">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={240}
            title={t('common.adminConsole')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content ref={setContent} style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          {allowed ? (
            <Suspense fallback={<Spin />}>
              <Outlet />
            </Suspense>
          ) : (
            <Result status="403" title={t('admin.forbidden.title')} subTitle={t('admin.forbidden.detail')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The console: antd throughout, so its scope is around the whole frame (see AntdScope). */
export function AdminLayout() {
  return (
    <AntdScope>
      <AdminFrame />
    </AntdScope>
  );
}
