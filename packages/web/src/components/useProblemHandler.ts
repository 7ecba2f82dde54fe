import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrorLike, fieldMessage } from '../api/fieldMessage';
import { applyProblemToForm, type FieldForm } from '../api/formErrors';
import { toProblem } from '../api/problem';
import { useFeedback } from './Feedback';

/**
 * Shows what went wrong: field errors go under the form's fields, the rest in a message
 * worded by the problem's code (`errors.<CODE>`) in the current language; each field error is
 * worded by its own code (see fieldMessage).
 */
export function useProblemHandler() {
  const { message } = useFeedback();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FieldForm) => {
      const problem = toProblem(error);
      const word = (e: FieldErrorLike) => fieldMessage(t, e);
      const unmatched = form ? applyProblemToForm(form, problem, word).unmatched : (problem.errors ?? []);
      const text = t(`errors.${problem.code}`, { defaultValue: t('errors.INTERNAL') });
      const details = unmatched.map((e) => `${e.path}: ${word(e)}`).join('; ');
      void message.error(details ? `${text} (${details})` : text);
      return problem;
    },
    [message, t],
  );
}
