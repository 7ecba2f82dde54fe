import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { PageSkeleton } from '../../components/PageSkeleton';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { notThere } from '../../components/useLoad';
import { withTexts } from '../../i18n';
import { domainLabelOf, formatDate, statusColor, useCampaign, useLoad, useTowns } from './shared';
import '../home/home.css';
import './ideas.css';

// Support, follow and the comments come with antd; their code loads beside the suggestion's text
// rather than before it, so a phone shows the text first (bench/web/README.md). The reforms the
// suggestion became are worded by the reforms texts, which load with it.
const engagement = () => withTexts(import('./DetailEngagement'), ['reforms']);
const DetailActions = lazy(() => engagement().then((m) => ({ default: m.DetailActions })));
const DetailSections = lazy(() => engagement().then((m) => ({ default: m.DetailSections })));

/** One public suggestion, with the support button and the comments. Plain elements (ideas.css). */
export function DetailPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { id = '' } = useParams();
  const campaignLoad = useCampaign();
  const towns = useTowns();
  const {
    data: loaded,
    loading,
    problem,
    reload,
  } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/suggestions/{id}', { params: { path: { id } } })),
    [id],
    { notFoundOnPage: true },
  );
  // A failed load shows no suggestion, not the one an earlier address showed.
  const s = problem && !loading ? null : loaded;
  if (!s && loading) return <PageSkeleton />;
  const back = (
    <Link to="/ideas" className="qx-link-button qx-primary">
      {t('ideas.nav.browse')}
    </Link>
  );
  // The server or the network failed: say so, with a retry, not that the suggestion is not there.
  if (!s && problem && !notThere(problem))
    return (
      <div className="qx-stack">
        <PlainLoadFailed onRetry={() => void reload()} />
        <div className="qx-links">{back}</div>
      </div>
    );
  // Not public (still being screened, not accepted) or a mistyped link: the grey bars stayed for
  // good, reading as a page that never loads. Say so, and lead back to the list.
  if (!s)
    return (
      <section className="qx-card qx-result" data-testid="suggestion-not-found">
        <h2>{t('common.notFound.title')}</h2>
        <p className="qx-secondary">{t('common.notFound.detail')}</p>
        <div className="qx-links">{back}</div>
      </section>
    );
  const facts: [string, ReactNode][] = [
    [
      t('ideas.fields.status'),
      <span key="status" className={`qx-tag qx-tag-${statusColor[s.status]}`}>
        {t(`ideas.status.${s.status}`)}
      </span>,
    ],
    // A name whose load failed says so where it stands, with its retry, never the code or id.
    [
      t('ideas.fields.domain'),
      domainLabelOf(t, s.domain, campaignLoad.campaign) ??
        (campaignLoad.failed ? <PlainLoadFailed onRetry={() => void campaignLoad.reload()} /> : ''),
    ],
    [
      t('ideas.fields.town'),
      towns.nameOf.get(s.townId) ??
        (towns.failed ? <PlainLoadFailed onRetry={() => void towns.reload()} /> : ''),
    ],
    [t('ideas.fields.submittedAs'), t(`ideas.authorKind.${s.authorKind}`)],
    [t('ideas.fields.channel'), t(`ideas.channel.${s.channel}`)],
    [t('ideas.fields.createdAt'), formatDate(s.createdAt)],
  ];
  return (
    <div className="qx-stack">
      <article className="qx-card qx-idea-card" aria-labelledby="idea-title">
        <h2 id="idea-title">{s.title}</h2>
        <div className="qx-card-body">
          <p className="qx-idea-body">{s.body}</p>
          <dl className="qx-idea-facts">
            {facts.map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {s.mergedInto && (
            <p className="qx-idea-body">
              <Link to={`/ideas/${s.mergedInto}`} className="qx-inline-link">
                {t('ideas.detail.mergedInto')}
              </Link>
            </p>
          )}
          <div className="qx-row">
            <Suspense fallback={null}>
              <DetailActions suggestion={s} />
            </Suspense>
          </div>
        </div>
      </article>
      <Suspense fallback={null}>
        <DetailSections suggestion={s} />
      </Suspense>
    </div>
  );
}
