import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrorLike, fieldMessage } from '../api/fieldMessage';
import { applyProblemToForm, type FieldForm } from '../api/formErrors';
import { toProblem } from '../api/problem';
import type { Problem } from '../api/types';
import { useFeedback } from './Feedback';

/**
 * The problem's code in the reader's words; a refusal to retry yet says when (the lockout after
 * failed sign-ins lasts a quarter of an hour), in seconds under a minute, else in minutes.
 */
export function problemText(t: TFunction, problem: Problem): string {
  const wait = problem.retryAfterSeconds;
  if (problem.code === 'RATE_LIMITED' && wait && wait > 0)
    return wait < 60
      ? t('errors.retryAfter.seconds', { count: wait })
      : t('errors.retryAfter.minutes', { count: Math.ceil(wait / 60) });
  return t(`errors.${problem.code}`, { defaultValue: t('errors.INTERNAL') });
}

/** The words a page gives a field error's path that no field of its form shows. */
export type LabelOf = (path: string) => string | undefined;

/**
 * Shows what went wrong: field errors go under the form's fields, the rest in a message
 * worded by the problem's code (`errors.<CODE>`) in the current language; each field error is
 * worded by its own code (see fieldMessage).
 */
export function useProblemHandler() {
  const { message } = useFeedback();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FieldForm, labelOf?: LabelOf) => {
      const problem = toProblem(error);
      const word = (e: FieldErrorLike) => fieldMessage(t, e);
      const unmatched = form ? applyProblemToForm(form, problem, word).unmatched : (problem.errors ?? []);
      const text = problemText(t, problem);
      // A field error no field of the form shows is named by the label the page gives its path,
      // never by the path (an internal name such as contactPhone or rows.3.base).
      const details = unmatched
        .map((e) => {
          const label = labelOf?.(e.path);
          return label ? `${t('common.labelOf', { label })}${word(e)}` : word(e);
        })
        .join(t('common.clauseSeparator'));
      void message.error(details ? `${text}${t('common.inParens', { text: details })}` : text);
      return problem;
    },
    [message, t],
  );
}
