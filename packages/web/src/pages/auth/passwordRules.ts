import { limits } from '@qianxing/core/limits';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** Rules for a new password, with the limits the server checks too. */
export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('auth.password.required') },
    {
      min: limits.password.min,
      max: limits.password.max,
      message: t('auth.password.length', { min: limits.password.min, max: limits.password.max }),
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
