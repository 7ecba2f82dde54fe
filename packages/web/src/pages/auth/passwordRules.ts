import { limits } from '@qianxing/core/limits';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/**
 * The server's password checks a form can make before sending: only spaces, or one character
 * repeated. The rest (the login inside it, a common password) only the server knows.
 */
export function obviousWeakness(value: string): 'only_whitespace' | 'repeated_character' | null {
  if (value.length === 0) return null;
  if (value.trim() === '') return 'only_whitespace';
  const characters = [...value];
  return characters.every((c) => c === characters[0]) ? 'repeated_character' : null;
}

/** Rules for a new password, with the limits the server checks too. */
export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('auth.password.required') },
    {
      min: limits.password.min,
      max: limits.password.max,
      message: t('auth.password.length', { min: limits.password.min, max: limits.password.max }),
    },
    {
      validator: (_rule, value: string | undefined) => {
        const weakness = obviousWeakness(value ?? '');
        return weakness ? Promise.reject(new Error(t(`errors.field.${weakness}`))) : Promise.resolve();
      },
    },
  ];
}

/** The confirmation must repeat the field named `field`. */
export function confirmRules(t: TFunction, field: string): FormRule[] {
  return [
    { required: true, message: t('auth.password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value) =>
        !value || getFieldValue(field) === value
          ? Promise.resolve()
          : Promise.reject(new Error(t('auth.password.mismatch'))),
    }),
  ];
}
