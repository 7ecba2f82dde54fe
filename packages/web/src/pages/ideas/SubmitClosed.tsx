import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmitDraft } from './submitForm';

/**
 * The campaign takes no more suggestions: where to go instead. When the period ended while the
 * citizen was writing, what they wrote stays on the page to copy, as the form that took it is gone.
 */
export function SubmitClosed({ endsOn, draft }: { endsOn: string; draft?: SubmitDraft }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The submit button the focus was on has gone with the form: the news takes its place.
  useEffect(() => {
    if (draft) heading.current?.focus();
  }, [draft]);
  const written = draft ? [draft.title, draft.body].filter(Boolean).join('\n\n') : '';
  return (
    <section className="qx-card qx-result" data-testid="intake-closed" aria-labelledby="intake-closed-title">
      <h2 id="intake-closed-title" ref={heading} tabIndex={-1}>
        {t('ideas.frame.closed', { endsOn })}
      </h2>
      <p className="qx-secondary">{t('ideas.frame.closedHint')}</p>
      {written && (
        <div className="qx-form-item qx-kept-draft">
          <label htmlFor="intake-closed-draft">{t('ideas.submit.keptDraft')}</label>
          <textarea
            id="intake-closed-draft"
            className="qx-textarea"
            data-testid="intake-closed-draft"
            readOnly
            rows={6}
            value={written}
          />
        </div>
      )}
      <div className="qx-links">
        <Link to="/ideas/track" className="qx-link-button qx-primary">
          {t('ideas.frame.trackLink')}
        </Link>
        <Link to="/ideas" className="qx-link-button">
          {t('ideas.nav.browse')}
        </Link>
      </div>
    </section>
  );
}
