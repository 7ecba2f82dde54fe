import '../i18n';
import { act, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { changeLocale } from '../i18n';
import { notFound, renderRoute } from '../test-support';
import { type LabelOf, useProblemHandler } from './useProblemHandler';

const problem = new ApiError({
  type: 'about:blank',
  title: 'Invalid input',
  status: 400,
  code: 'VALIDATION',
  errors: [
    { path: 'contactPhone', message: 'bad', code: 'invalid_format' },
    { path: 'rows.3.base', message: 'bad', code: 'required' },
  ],
});

/** A page that meets the problem above with no form to show it on. */
function ShowProblem({ labelOf }: { labelOf?: LabelOf }) {
  const onProblem = useProblemHandler();
  useEffect(() => void onProblem(problem, undefined, labelOf), [onProblem, labelOf]);
  return null;
}

const phoneLabel: LabelOf = (path) => (path === 'contactPhone' ? '联系电话' : undefined);
const WithLabels = () => <ShowProblem labelOf={phoneLabel} />;
const WithoutLabels = () => <ShowProblem />;

describe('a problem no form field shows', () => {
  it('is worded in the reader’s punctuation, naming fields by the page’s labels, never by their paths', async () => {
    renderRoute('/', WithLabels, async () => notFound());
    expect(await screen.findByText('填写的内容有误，请检查后重试（联系电话：格式不对；必填）')).toBeTruthy();
  });

  it('reads as English in English', async () => {
    await act(() => changeLocale('en'));
    try {
      renderRoute('/', WithoutLabels, async () => notFound());
      expect(
        await screen.findByText(
          'Some fields are not valid; check them and try again (Wrong format; Required)',
        ),
      ).toBeTruthy();
    } finally {
      await act(() => changeLocale('zh-CN'));
    }
  });
});
