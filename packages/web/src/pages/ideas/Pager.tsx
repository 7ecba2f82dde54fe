import { useTranslation } from 'react-i18next';
import './ideas.css';

/**
 * The page numbers to offer: the first, the last, and two either side of the current one, with
 * `null` where numbers are left out (a phone has room for about nine buttons).
 */
export function pageWindow(current: number, last: number): (number | null)[] {
  const shown = new Set([1, last]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= last) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/**
 * Previous, the page numbers and next, as buttons in a labelled navigation; the current page
 * is marked for screen readers (`aria-current`). Nothing when everything fits on one page.
 */
export function Pager({
  current,
  pageSize,
  total,
  onChange,
}: {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  return (
    <nav className="qx-pager" aria-label={t('ideas.browse.pages')} data-testid="ideas-pager">
      <button
        type="button"
        className="qx-button"
        disabled={current <= 1}
        onClick={() => onChange(current - 1)}
      >
        {t('common.previous')}
      </button>
      <ul>
        {pageWindow(current, last).map((p, i) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity of its own.
            <li key={`gap-${i}`} className="qx-pager-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className="qx-button"
                aria-label={t('common.page', { page: p })}
                aria-current={p === current ? 'page' : undefined}
                onClick={() => onChange(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
      </ul>
      <button
        type="button"
        className="qx-button"
        disabled={current >= last}
        onClick={() => onChange(current + 1)}
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
