import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';

/** A field the form cannot be sent without: said under it, not as the server's "wrong type". */
export const required = (t: TFunction): FormRule => ({ required: true, message: t('errors.field.required') });

/**
 * A period's end (with the form's `periodStart`): required, and not before the start, said before
 * sending. A rule also clears the server's word on the field once the date is mended.
 */
export const periodEndRules = (t: TFunction): FormRule[] => [
  required(t),
  ({ getFieldValue }) => ({
    validator: async (_, end?: string) => {
      const start = getFieldValue('periodStart') as string | undefined;
      if (start && end && end < start) throw new Error(t('errors.field.period_order'));
    },
  }),
];
