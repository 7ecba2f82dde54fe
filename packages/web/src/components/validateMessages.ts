import type { FormProps } from 'antd';
import type { TFunction } from 'i18next';

type ValidateMessages = NonNullable<FormProps['validateMessages']>;

/** antd's placeholder for a rule's bound, `${min}`, which it fills in when it shows a message. */
const slot = (bound: 'len' | 'min' | 'max') => `\${${bound}}`;

/**
 * The words of a form's own checks (a rule with no message of its own), from the same texts as
 * the server's field errors: a field shows "至少 2 个字" whether the browser or the server found
 * it short. They name no field, as they stand under it. antd's own messages read "请输入${label}"
 * and, where a field has no text label (a row of a list, a field labelled by aria-label), put the
 * field's internal name in its place; its pattern message also printed the regular expression.
 */
export function validateMessagesFor(t: TFunction): ValidateMessages {
  const field = (key: string, values?: Record<string, string>) => t(`errors.field.${key}`, values);
  const wrongFormat = field('invalid_format');
  const notANumber = field('not_a_number');
  return {
    default: wrongFormat,
    required: field('required'),
    enum: field('invalid_value'),
    whitespace: field('only_whitespace'),
    date: { format: wrongFormat, parse: wrongFormat, invalid: wrongFormat },
    types: {
      string: wrongFormat,
      method: wrongFormat,
      array: wrongFormat,
      object: wrongFormat,
      number: notANumber,
      date: wrongFormat,
      boolean: wrongFormat,
      integer: notANumber,
      float: notANumber,
      regexp: wrongFormat,
      email: wrongFormat,
      url: wrongFormat,
      hex: wrongFormat,
    },
    string: {
      len: field('exact_string', { length: slot('len') }),
      min: field('too_small_string', { minimum: slot('min') }),
      max: field('too_big_string', { maximum: slot('max') }),
      range: field('range_string', { minimum: slot('min'), maximum: slot('max') }),
    },
    number: {
      len: field('invalid_value'),
      min: field('too_small_number', { minimum: slot('min') }),
      max: field('too_big_number', { maximum: slot('max') }),
      range: field('range_number', { minimum: slot('min'), maximum: slot('max') }),
    },
    array: {
      len: field('invalid_value'),
      min: field('too_small_array', { minimum: slot('min') }),
      max: field('too_big_array', { maximum: slot('max') }),
      range: field('range_array', { minimum: slot('min'), maximum: slot('max') }),
    },
    pattern: { mismatch: wrongFormat },
  };
}
