import '../../i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../components/AppProviders';
import { DecimalInput } from './DecimalInput';

let seen: Array<number | null> = [];
function Field() {
  const [value, setValue] = useState<number | null>(7);
  return (
    <DecimalInput
      id="figure"
      aria-label="figure"
      value={value}
      onChange={(v) => {
        seen.push(v);
        setValue(v);
      }}
    />
  );
}

const field = () => document.getElementById('figure') as HTMLInputElement;
const type = (text: string) => fireEvent.change(field(), { target: { value: text } });

describe('a figure typed in a plan or a report', () => {
  it('takes 12,5 as 12.5, never as 125', () => {
    seen = [];
    render(
      <AppProviders>
        <Field />
      </AppProviders>,
    );
    type('12,5');
    expect(seen.at(-1)).toBe(12.5);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses 1,234, which could be either, leaving the field blank and saying why', () => {
    seen = [];
    render(
      <AppProviders>
        <Field />
      </AppProviders>,
    );
    type('1,234');
    expect(seen.at(-1)).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      '“1,234”可能是 1234，也可能是 1.234：请去掉逗号输入 1234，或用小数点输入 1.234',
    );
    expect(field().getAttribute('aria-invalid')).toBe('true');
    type('1234');
    expect(seen.at(-1)).toBe(1234);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
