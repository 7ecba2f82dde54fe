import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/problem';
import { PageSkeleton } from '../../components/PageSkeleton';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { withTexts } from '../../i18n';
import { useLoad } from './shared';
import '../home/home.css';
import './ideas.css';

const CODE = /^[0-9A-Za-z]{10}$/;

// What a found suggestion shows is built with antd; its code starts loading as soon as the page
// has a code to look up, beside the lookup itself, and not at all for the empty form. The reforms
// the suggestion became are worded by the reforms texts, which load with it.
const result = () => withTexts(import('./TrackResult'), ['reforms']);
const TrackResult = lazy(() => result().then((m) => ({ default: m.TrackResult })));

/**
 * A suggestion's way through the campaign, found by its tracking code. The form and the empty
 * state in plain elements (ideas.css), like the other pages a phone opens from a link.
 */
export function TrackPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const valid = CODE.test(code);
  if (valid) void result();
  const [typed, setTyped] = useState(code);
  // A code that cannot be one is said under the box: the button did nothing at all before.
  const [malformed, setMalformed] = useState(false);
  const { data, loading, failed, reload } = useLoad(async () => {
    if (!valid) return null;
    const found = await api.GET('/api/v1/public/track/{code}', { params: { path: { code } } });
    // An unknown code is an answer, said once on the page (ideas.track.none), not a failure to toast.
    if (found.response.status === 404) return null;
    return unwrap(found);
  }, [code]);
  const find = (event: FormEvent) => {
    event.preventDefault();
    const wellFormed = CODE.test(typed.trim());
    setMalformed(!wellFormed);
    if (wellFormed) navigate(`/ideas/track/${typed.trim()}`);
  };
  return (
    <div className="qx-stack">
      <h3 className="qx-page-heading">{t('ideas.track.title')}</h3>
      <form className="qx-search qx-track-search" onSubmit={find}>
        <input
          className="qx-input"
          aria-label={t('ideas.track.code')}
          placeholder={t('ideas.track.code')}
          value={typed}
          aria-invalid={malformed || undefined}
          aria-describedby={malformed ? 'track-code-error' : undefined}
          onChange={(e) => {
            setTyped(e.target.value);
            setMalformed(false);
          }}
        />
        <button type="submit" className="qx-button qx-primary">
          {t('ideas.track.find')}
        </button>
      </form>
      {malformed && (
        <p id="track-code-error" className="qx-field-error" role="alert">
          {t('ideas.track.malformed')}
        </p>
      )}
      {loading && valid && <PageSkeleton />}
      {/* A lookup that failed is not an unknown code: say so, with a retry. */}
      {!loading && failed && <PlainLoadFailed onRetry={() => void reload()} />}
      {/* Only a lookup finds nothing: the empty form, opened to type a code in, has not looked yet. */}
      {code && !loading && !failed && !data && <p className="qx-empty">{t('ideas.track.none')}</p>}
      {data && !(failed && !loading) && (
        <Suspense fallback={<PageSkeleton />}>
          <TrackResult data={data} />
        </Suspense>
      )}
    </div>
  );
}
