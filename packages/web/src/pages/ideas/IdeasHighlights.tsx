import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { useCount, useLoad } from './shared';
import '../home/home.css';

const links = [
  { to: '/ideas', key: 'browse' },
  { to: '/ideas/survey', key: 'survey' },
  { to: '/ideas/lists', key: 'lists' },
  { to: '/ideas/actions', key: 'actions' },
  { to: '/ideas/stats', key: 'stats' },
] as const;

function Count({
  title,
  value,
  unit,
  loading,
}: {
  title: string;
  value?: number;
  unit: string;
  loading: boolean;
}) {
  const count = useCount();
  return (
    <div>
      <div className="qx-stat-title">{title}</div>
      <div className="qx-stat-value">
        {loading ? (
          <div className="qx-skeleton-row" aria-busy="true" />
        ) : (
          <>
            <span className="qx-stat-number">{value === undefined ? null : count(value)}</span>
            <span className="qx-stat-unit">{unit}</span>
          </>
        )}
      </div>
    </div>
  );
}

/**
 * The campaign's live counts on the home page, with the way in to every ideas page. The server
 * names the figures' request in the home page's HTML, so it is on its way before this code runs;
 * until it answers the counts show as grey bars; if it fails, a line says the figures could not
 * be had, with a retry, never a dash beside a unit ("—人次").
 */
export function IdeasHighlights() {
  const { t } = useTranslation();
  const api = useApi();
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/stats')),
    ['stats'],
  );
  const waiting = loading && !data;
  return (
    <section
      className="qx-card qx-highlights"
      aria-labelledby="ideas-highlights-title"
      data-testid="ideas-highlights"
    >
      <h2 id="ideas-highlights-title">{t('ideas.home.title')}</h2>
      <div className="qx-card-body">
        {failed && !data ? (
          <div className="qx-stat-failed">
            <PlainLoadFailed title={t('ideas.home.figuresFailed')} onRetry={() => void reload()} />
          </div>
        ) : (
          <div className="qx-stats">
            <Count
              title={t('ideas.home.participations')}
              value={data?.participations}
              unit={t('ideas.home.participationsUnit')}
              loading={waiting}
            />
            <Count
              title={t('ideas.home.suggestions')}
              value={data?.suggestions}
              unit={t('ideas.home.suggestionsUnit')}
              loading={waiting}
            />
          </div>
        )}
        <nav className="qx-links" aria-label={t('ideas.home.title')}>
          <Link className="qx-link-button qx-primary" to="/ideas/submit">
            {t('ideas.nav.submit')}
          </Link>
          {links.map((l) => (
            <Link key={l.key} className="qx-link-button" to={l.to}>
              {t(`ideas.nav.${l.key}`)}
            </Link>
          ))}
        </nav>
      </div>
    </section>
  );
}
