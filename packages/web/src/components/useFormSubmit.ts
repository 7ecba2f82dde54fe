import { useState } from 'react';
import type { FieldForm } from '../api/formErrors';
import { toProblem } from '../api/problem';
import type { Problem } from '../api/types';
import { type LabelOf, useProblemHandler } from './useProblemHandler';

export interface FormSubmitOptions {
  /** Sees a problem first; returns true when it has dealt with it and nothing is to be shown. */
  onProblem?(problem: Problem): boolean | undefined;
  /** Names a field error's path that no field of the form shows (see useProblemHandler). */
  labelOf?: LabelOf;
}

/**
 * A form's submit: `busy` while `action` runs, and whatever it throws shown by the problem
 * handler (field errors under the form's fields). The one place for the try / catch / finally
 * every form would otherwise write.
 */
export function useFormSubmit<V>(
  form: FieldForm | undefined,
  action: (values: V) => Promise<void>,
  options: FormSubmitOptions = {},
) {
  const showProblem = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    try {
      await action(values);
    } catch (error) {
      if (!options.onProblem?.(toProblem(error))) showProblem(error, form, options.labelOf);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy };
}
