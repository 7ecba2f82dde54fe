import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import type { FieldForm } from '../../api/formErrors';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { PageSkeleton } from '../../components/PageSkeleton';
import { PlainLoadFailed } from '../../components/PlainLoadFailed';
import { useFormSubmit } from '../../components/useFormSubmit';
import { SubmitClosed } from './SubmitClosed';
import { authorKinds, domainLabel, useCampaign, useTowns } from './shared';
import {
  draftProblems,
  emptyDraft,
  fieldProblem,
  type SubmitDraft,
  type SubmitErrors,
  type SubmitField,
  submitFields,
  submitRules,
  toInput,
} from './submitForm';
import { useSimilar } from './useSimilar';
import '../home/home.css';
import './ideas.css';

type Submitted = components['schemas']['SubmitSuggestionResult'];

// Loaded when there is something to show: the similar suggestions (antd's list and the support
// dialog) once the server finds some, the tracking code once the suggestion is in.
const SimilarList = lazy(() => import('./SimilarList').then((m) => ({ default: m.SimilarList })));
const SubmitDone = lazy(() => import('./SubmitDone').then((m) => ({ default: m.SubmitDone })));

/** The id of a field's control, as antd's form named them (`suggestion_title`). */
const idOf = (field: SubmitField) => `suggestion_${field}`;

/**
 * 线上谈: a citizen writes a suggestion; similar ones show while typing. Plain elements (ideas.css)
 * rather than antd's Form, which was most of what a phone fetched before it could show the form;
 * the checks are the server's (submitForm.ts), a field's fault shows under it and is announced.
 */
export function SubmitPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { campaign, failed: campaignFailed, reload: reloadCampaign } = useCampaign();
  const { towns, failed: townsFailed, reload: reloadTowns } = useTowns();
  const [draft, setDraft] = useState<SubmitDraft>(emptyDraft);
  const [errors, setErrors] = useState<SubmitErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const { matches, domain } = useSimilar(`${draft.title}\n${draft.body}`);
  const [domainTouched, setDomainTouched] = useState(false);
  const [done, setDone] = useState<Submitted | null>(null);

  useEffect(() => {
    if (domain && !domainTouched) setDraft((d) => ({ ...d, domain }));
  }, [domain, domainTouched]);

  // The server's field errors land under the fields they name, as with antd's form.
  const fieldForm: FieldForm = {
    getFieldsError: () =>
      submitFields.map((name) => ({ name: [name], errors: errors[name] ? [errors[name]] : [] })),
    setFields: (fields: never[]) => {
      const next: SubmitErrors = {};
      for (const f of fields as { name: (string | number)[]; errors: string[] }[])
        next[f.name[0] as SubmitField] = f.errors.join('; ');
      setErrors((e) => ({ ...e, ...next }));
    },
  };
  // The period ended while this page was open: the end the server gave, to say the intake closed.
  const [refusedOn, setRefusedOn] = useState<string | null>(null);
  const { submit, busy } = useFormSubmit(
    fieldForm,
    async (values: SubmitDraft) => {
      setDone(unwrap(await api.POST('/api/v1/public/suggestions', { body: toInput(values) })));
    },
    {
      onProblem(problem) {
        const closed = problem.errors?.find((e) => e.code === 'campaign_closed');
        if (!closed) return false;
        setRefusedOn(String(closed.params?.endsOn ?? campaign?.endsOn ?? ''));
        return true;
      },
    },
  );

  const change = (field: SubmitField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // A field checks itself as it changes once it has been found at fault, so the fault clears.
    if (errors[field] !== undefined) setErrors((e) => ({ ...e, [field]: fieldProblem(t, field, value) }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = draftProblems(t, draft);
    setErrors(found);
    const first = submitFields.find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`#${idOf(first)}`)?.focus();
      return;
    }
    void submit(draft);
  };

  if (done) {
    return (
      <Suspense fallback={<PageSkeleton />}>
        <SubmitDone done={done} screened={campaign?.publication !== 'on_submission'} />
      </Suspense>
    );
  }

  // The period may have ended since the page loaded: the end the server gave, and the draft kept.
  const closedOn = refusedOn ?? (campaign && !campaign.intakeOpen ? campaign.endsOn : null);
  if (closedOn !== null)
    return <SubmitClosed endsOn={closedOn} draft={refusedOn === null ? undefined : draft} />;

  const field = (name: SubmitField, label: string, control: ReactNode, extra?: ReactNode) => (
    <Field name={name} label={label} error={errors[name]} extra={extra}>
      {control}
    </Field>
  );
  const described = (name: SubmitField, extra = false) => {
    const ids = [errors[name] ? `${idOf(name)}_help` : '', extra ? `${idOf(name)}_extra` : ''];
    return {
      id: idOf(name),
      name,
      'aria-invalid': errors[name] ? true : undefined,
      'aria-required': submitRules[name].required ? true : undefined,
      'aria-describedby': ids.filter(Boolean).join(' ') || undefined,
    };
  };
  const suggested = Boolean(domain && !domainTouched);

  return (
    <section className="qx-card" aria-labelledby="submit-title">
      <h2 id="submit-title">{t('ideas.submit.title')}</h2>
      <div className="qx-card-body">
        <p className="qx-secondary" style={{ margin: '0 0 16px' }}>
          {t('ideas.submit.intro')}
        </p>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          {field(
            'title',
            t('ideas.fields.title'),
            <>
              <input
                {...described('title')}
                className="qx-input"
                maxLength={submitRules.title.max}
                value={draft.title}
                onChange={(e) => change('title', e.target.value)}
              />
              <span className="qx-counter">{`${draft.title.length} / 80`}</span>
            </>,
          )}
          {field(
            'body',
            t('ideas.fields.body'),
            <>
              <textarea
                {...described('body')}
                className="qx-textarea"
                rows={5}
                maxLength={submitRules.body.max}
                value={draft.body}
                onChange={(e) => change('body', e.target.value)}
              />
              <span className="qx-counter">{`${draft.body.length} / 5000`}</span>
            </>,
          )}
          {matches.length > 0 && (
            <div style={{ marginBottom: 16 }}>
              <Suspense fallback={null}>
                <SimilarList matches={matches} />
              </Suspense>
            </div>
          )}
          {field(
            'domain',
            t('ideas.fields.domain'),
            <select
              {...described('domain', suggested)}
              className="qx-select"
              data-testid="submit-domain"
              value={draft.domain}
              onChange={(e) => {
                setDomainTouched(true);
                change('domain', e.target.value);
              }}
            >
              <option value="" />
              {(campaign?.domains ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {domainLabel(t, d.code, d.name)}
                </option>
              ))}
            </select>,
            suggested ? t('ideas.submit.domainSuggested') : undefined,
          )}
          {/* Without the campaign the picker offers no domains: say so, with a retry. */}
          {campaignFailed && (
            <PlainLoadFailed title={t('ideas.submit.domainsFailed')} onRetry={() => void reloadCampaign()} />
          )}
          {field(
            'townId',
            t('ideas.fields.town'),
            <select
              {...described('townId')}
              className="qx-select"
              data-testid="submit-town"
              value={draft.townId}
              onChange={(e) => change('townId', e.target.value)}
            >
              <option value="" />
              {towns.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>,
          )}
          {/* Without the towns the picker offers none: say so, with a retry. */}
          {townsFailed && (
            <PlainLoadFailed title={t('ideas.submit.townsFailed')} onRetry={() => void reloadTowns()} />
          )}
          {field(
            'authorKind',
            t('ideas.fields.authorKind'),
            <select
              {...described('authorKind')}
              className="qx-select"
              value={draft.authorKind}
              onChange={(e) => change('authorKind', e.target.value)}
            >
              {authorKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`ideas.authorKind.${k}`)}
                </option>
              ))}
            </select>,
          )}
          <p className="qx-note">{t('ideas.submit.privacy')}</p>
          {field(
            'realName',
            t('ideas.fields.realNameOptional'),
            <input
              {...described('realName')}
              className="qx-input"
              maxLength={submitRules.realName.max}
              autoComplete="name"
              value={draft.realName}
              onChange={(e) => change('realName', e.target.value)}
            />,
          )}
          {field(
            'phone',
            t('ideas.fields.phoneOptional'),
            <input
              {...described('phone')}
              className="qx-input"
              maxLength={11}
              inputMode="tel"
              autoComplete="tel"
              value={draft.phone}
              onChange={(e) => change('phone', e.target.value)}
            />,
          )}
          <button
            type="submit"
            className="qx-button qx-primary qx-block"
            aria-busy={busy || undefined}
            data-testid="submit-suggestion"
          >
            {t('ideas.submit.action')}
          </button>
        </form>
      </div>
    </section>
  );
}

/** A label above its control, the control's fault (announced as it appears) and a hint below. */
function Field({
  name,
  label,
  error,
  extra,
  children,
}: {
  name: SubmitField;
  label: string;
  error: string | undefined;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="qx-form-item">
      <label htmlFor={idOf(name)} className={submitRules[name].required ? 'qx-required' : undefined}>
        {label}
      </label>
      {children}
      {error && (
        <div id={`${idOf(name)}_help`} className="qx-field-error" role="alert">
          {error}
        </div>
      )}
      {extra && (
        <div id={`${idOf(name)}_extra`} className="qx-field-extra">
          {extra}
        </div>
      )}
    </div>
  );
}
