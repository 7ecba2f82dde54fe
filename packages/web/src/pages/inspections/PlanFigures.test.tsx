import '../../i18n';
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import { PlanFigures } from './PlanFigures';

const figures = {
  planned: 9,
  unplanned: 0,
  visits: 5,
  joint: 2,
  separateVisits: 8,
  saving: 3,
  lowerBound: 5,
  overLowerBound: 0,
};

const shown = (key: string) => {
  const figure = screen.getByTestId(`plan-figure-${key}`);
  return {
    label: figure.querySelector('.ant-statistic-title')!.textContent,
    value: figure.querySelector('.ant-statistic-content-value')!.textContent,
  };
};

afterEach(() => changeLocale('zh-CN'));

describe('a plan’s figures', () => {
  it('name every visit a visit, and count as joint only those of two departments or more', async () => {
    render(<PlanFigures figures={figures} />);
    expect(shown('visits')).toEqual({ label: '检查户次', value: '5' });
    expect(shown('joint')).toEqual({ label: '其中联合检查', value: '2' });
    expect(within(screen.getByTestId('plan-figures')).queryByText('联合检查')).toBeNull();
  });

  it('say the same in English', async () => {
    await act(() => changeLocale('en'));
    render(<PlanFigures figures={figures} />);
    expect(shown('visits')).toEqual({ label: 'Visits', value: '5' });
    expect(shown('joint')).toEqual({ label: 'Of which joint', value: '2' });
  });
});
