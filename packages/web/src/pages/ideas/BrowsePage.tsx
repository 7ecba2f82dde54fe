import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { PageSkeleton } from '../../components/PageSkeleton';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { excerpt, Highlighted } from './Highlighted';
import { Pager } from './Pager';
import {
  domainLabel,
  domainLabelOf,
  formatDate,
  type SuggestionStatus,
  statusColor,
  suggestionStatuses,
  useCampaign,
  useLoad,
  useTowns,
} from './shared';
import '../home/home.css';
import './ideas.css';

const PAGE_SIZE = 10;

/**
 * Browse and search the public suggestions, paged by the server. Plain elements and native
 * pickers (ideas.css): it is the page most shared links open, and antd's list, pickers and
 * pagination were most of what a phone had to fetch before it could show a suggestion.
 */
export function BrowsePage() {
  const { t } = useTranslation();
  const api = useApi();
  const domains = useCampaign();
  const campaign = domains.campaign;
  const townList = useTowns();
  const { towns, nameOf } = townList;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = {
    q: params.get('q') || undefined,
    domain: params.get('domain') || undefined,
    townId: params.get('townId') || undefined,
    status: (params.get('status') || undefined) as SuggestionStatus | undefined,
    sort: params.get('sort') === 'newest' ? ('newest' as const) : undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
  const { data, loading, failed, reload } = useLoad(
    async () => unwrap(await api.GET('/api/v1/public/suggestions', { params: { query } })),
    [query],
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    set('q', q.trim());
  };

  return (
    <div className="qx-stack">
      <h3 className="qx-page-heading">{t('ideas.browse.title')}</h3>
      <div className="qx-filters">
        <form className="qx-search" onSubmit={search}>
          <input
            type="search"
            className="qx-input"
            aria-label={t('ideas.browse.search')}
            placeholder={t('ideas.browse.search')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              // Emptying the box (its clear button included) drops the search, as before.
              if (e.target.value === '' && query.q) set('q', undefined);
            }}
            data-testid="ideas-search"
          />
          <button type="submit" className="qx-button" aria-label={t('common.search')}>
            <SearchIcon />
          </button>
        </form>
        <Picker
          label={t('ideas.fields.domain')}
          value={query.domain}
          onChange={(v) => set('domain', v)}
          options={(campaign?.domains ?? []).map((d) => ({
            value: d.code,
            label: domainLabel(t, d.code, d.name),
          }))}
        />
        <Picker
          label={t('ideas.fields.town')}
          value={query.townId}
          onChange={(v) => set('townId', v)}
          options={towns.map((u) => ({ value: u.id, label: u.name }))}
        />
        <Picker
          label={t('ideas.fields.status')}
          value={query.status}
          onChange={(v) => set('status', v)}
          options={suggestionStatuses.map((s) => ({ value: s, label: t(`ideas.status.${s}`) }))}
        />
        {query.q && (
          <select
            className="qx-select"
            aria-label={t('ideas.browse.sort')}
            value={query.sort ?? 'relevance'}
            onChange={(e) => set('sort', e.target.value === 'newest' ? 'newest' : undefined)}
            data-testid="ideas-sort"
          >
            {(['relevance', 'newest'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`ideas.browse.sorts.${v}`)}
              </option>
            ))}
          </select>
        )}
      </div>
      {/* A picker whose choices failed to load says so, with a retry, rather than offer none. */}
      {domains.failed && (
        <PlainLoadFailed title={t('ideas.submit.domainsFailed')} onRetry={() => void domains.reload()} />
      )}
      {townList.failed && (
        <PlainLoadFailed title={t('ideas.submit.townsFailed')} onRetry={() => void townList.reload()} />
      )}
      <div aria-busy={loading} data-testid="ideas-list">
        {/* A failed load says so, never grey bars for ever nor the list of other filters. */}
        {failed && !loading ? (
          <PlainLoadFailed onRetry={() => void reload()} />
        ) : !data ? (
          <PageSkeleton />
        ) : data.items.length === 0 ? (
          <p className="qx-empty">{t('ideas.browse.empty')}</p>
        ) : (
          <ul className="qx-idea-list">
            {data.items.map((s) => {
              const domain = domainLabelOf(t, s.domain, campaign);
              const body = excerpt(s.body, s.highlights?.body);
              return (
                <li key={s.id} className="qx-card qx-idea">
                  <Link to={`/ideas/${s.id}`} className="qx-idea-title">
                    <strong>
                      <Highlighted text={s.title} ranges={s.highlights?.title} />
                    </strong>
                  </Link>
                  <p className="qx-idea-excerpt">
                    <Highlighted text={body.text} ranges={body.ranges} />
                  </p>
                  <div className="qx-tags">
                    <span className={`qx-tag qx-tag-${statusColor[s.status]}`}>
                      {t(`ideas.status.${s.status}`)}
                    </span>
                    {/* A domain only the campaign names waits for it: its code never shows. */}
                    {domain && <span className="qx-tag">{domain}</span>}
                    {nameOf.get(s.townId) && <span className="qx-tag">{nameOf.get(s.townId)}</span>}
                    <span className="qx-secondary">
                      {t('ideas.browse.supports', { count: s.supports })} · {formatDate(s.createdAt)}
                    </span>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <Pager
        current={query.page}
        pageSize={PAGE_SIZE}
        total={failed ? 0 : (data?.total ?? 0)}
        onChange={(page) => set('page', String(page))}
      />
    </div>
  );
}

/** A native picker with an empty first choice that reads as its label, as antd's placeholder did. */
function Picker({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <select
      className="qx-select"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{label}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A magnifying glass (antd's SearchOutlined path), drawn inline rather than from the icon set. */
function SearchIcon() {
  return (
    <svg
      viewBox="64 64 896 896"
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M909.6 854.5L649.9 594.8C690.2 542.7 712 479 712 412c0-80.2-31.3-155.4-87.9-212.1-56.6-56.7-132-87.9-212.1-87.9s-155.5 31.3-212.1 87.9C143.2 256.5 112 331.8 112 412c0 80.1 31.3 155.5 87.9 212.1C256.5 680.8 331.8 712 412 712c67 0 130.6-21.8 182.7-62l259.7 259.6a8.2 8.2 0 0011.6 0l43.6-43.5a8.2 8.2 0 000-11.6zM570.4 570.4C528 612.7 471.8 636 412 636s-116-23.3-158.4-65.6C211.3 528 188 471.8 188 412s23.3-116.1 65.6-158.4C296 211.3 352.2 188 412 188s116.1 23.2 158.4 65.6S636 352.2 636 412s-23.3 116.1-65.6 158.4z" />
    </svg>
  );
}
