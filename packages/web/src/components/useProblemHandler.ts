import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrorLike, fieldMessage } from '../api/fieldMessage';
import { applyProblemToForm, type FieldForm } from '../api/formErrors';
import { toProblem } from '../api/problem';
import { useFeedback } from './Feedback';

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
      const text = t(`errors.${problem.code}`, { defaultValue: t('errors.INTERNAL') });
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
