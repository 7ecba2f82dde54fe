import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { isFirmStaff, isStaff } from '../session/roles';
import { useSession } from '../session/SessionContext';
import { PageSkeleton } from './PageSkeleton';
import { SiteHeader } from './SiteHeader';
import { useHeadingTitle } from './useHeadingTitle';
// The plain styles of the pages phones open most (home, browse, suggestion, submit), about 1 KB
// compressed, come with the shell's stylesheet in index.html: as a page's own CSS they were
// fetched only once its script had run, a round trip on the way to its first paint.
import '../pages/home/home.css';
import '../pages/ideas/ideas.css';

/**
 * The public site's frame. Every link stays in place and wraps on a narrow screen; it is a plain
 * list of links (shell.css) rather than antd's Menu, which is heavy for the first load and whose
 * overflow menu kept hidden, focusable copies of the links.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const { user, menu } = useSession();
  const { pathname } = useLocation();
  const [content, setContent] = useState<HTMLElement | null>(null);
  useHeadingTitle(content);

  const links: Array<[string, string]> = [
    ['/', t('common.nav.home')],
    ['/ideas', t('ideas.nav.browse')],
    ['/ideas/submit', t('ideas.nav.submit')],
    ['/targets/leaderboard', t('targets.menu.leaderboard')],
    ['/reforms', t('reforms.nav')],
    ['/business/scorecard', t('business.scorecard.nav')],
    ['/business/surveys', t('business.scorecard.surveysLink')],
    ['/inspections/draws', t('inspections.nav')],
    ...(user ? [] : ([['/register', t('common.nav.register')]] as Array<[string, string]>)),
    ...(isFirmStaff(menu) ? ([['/firm', t('business.menu.myFirm')]] as Array<[string, string]>) : []),
    ...(isStaff(menu) ? ([['/admin', t('common.adminConsole')]] as Array<[string, string]>) : []),
  ];

  // A password set by someone else (initial or reset) is replaced before anything else.
  if (user?.mustChangePassword && pathname !== '/account/password') {
    return <Navigate to="/account/password" replace />;
  }

  const nav = (
    <nav aria-label={t('common.nav.label')}>
      <ul className="qx-nav-list">
        {links.map(([to, label]) => (
          <li key={to}>
            {/* `end`: only the page itself is current, not /ideas on /ideas/submit. */}
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );

  return (
    <div className="qx-page">
      <SiteHeader nav={nav} />
      <main className="qx-content" ref={setContent}>
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="qx-footer">
        {t('common.footer')}
        <br />
        {/* Public, so that anyone may keep the audit log's checkpoints and check it later. */}
        <Link to="/audit/checkpoints">{t('audit.checkpoints.nav')}</Link>
      </footer>
    </div>
  );
}
