import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * A page's script could not be loaded. After a new version is deployed, a tab opened before it
 * asks for the old build's file names, which are gone; browsers word it differently (Chromium
 * "Failed to fetch dynamically imported module", Firefox "error loading dynamically imported
 * module", Safari "Importing a module script failed"), and the build's loader says "Unable to
 * preload CSS" of a stylesheet that is gone.
 */
export function isStaleScript(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|importing a module script|unable to preload css/i.test(error.message)
  );
}

/**
 * What a route shows when its page cannot be shown: a page's script that failed to load (most
 * often a deploy while the tab was open: reloading brings the new version) or an error while
 * rendering. Plain elements, as the public pages' entry carries no antd; the header stays above.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const stale = isStaleScript(error);
  return (
    <section className="qx-route-error" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{t(stale ? 'common.routeError.staleTitle' : 'common.routeError.title')}</h1>
      <p>{t(stale ? 'common.routeError.staleDetail' : 'common.routeError.detail')}</p>
      <p className="qx-route-error-actions">
        <button type="button" onClick={() => window.location.reload()} data-testid="route-error-reload">
          {t('common.routeError.reload')}
        </button>
        <a href="/">{t('common.nav.home')}</a>
      </p>
    </section>
  );
}
