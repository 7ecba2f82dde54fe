import { creditCodeFault, normaliseCreditCode } from '@qianxing/core/business';
import type { TFunction } from 'i18next';
import { fieldMessage } from '../../api/fieldMessage';

/**
 * What is wrong with a credit code as it is being typed, worded like the server's own refusal
 * (errors.field.credit_code_*), or null when it is a valid code. The same check as the server's.
 */
export function creditCodeMessage(t: TFunction, typed: string): string | null {
  const fault = creditCodeFault(normaliseCreditCode(typed));
  if (!fault) return null;
  return fieldMessage(t, {
    code: `credit_code_${fault.problem}`,
    message: fault.problem,
    ...(fault.position ? { params: { position: fault.position } } : {}),
  });
}

/** An antd rule checking the code on every keystroke. */
export const creditCodeRule = (t: TFunction) => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) return;
    const message = creditCodeMessage(t, value);
    if (message) throw new Error(message);
  },
});
