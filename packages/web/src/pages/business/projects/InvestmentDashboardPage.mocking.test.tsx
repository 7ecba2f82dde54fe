import '../../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { components } from '../../../api/schema';
import { changeLocale } from '../../../i18n';
import { json, notFound, officeSession, renderRoute } from '../../../test-support';
import { InvestmentDashboardPage } from './InvestmentDashboardPage';

// jsdom draws no canvas: the charts are replaced by their label, the figures are what is tested.
vi.mock('../../../components/Chart', () => ({
  Chart: ({ ariaLabel }: { ariaLabel?: string }) => <div role="img" aria-label={ariaLabel} />,
}));

const month = { signedCount: 0, signedAmount: 0, funds: 0, entities: null };
const dashboard: components['schemas']['InvestmentDashboard'] = {
  year: 2026,
  through: 11,
  months: Array.from({ length: 11 }, () => month),
  lastYearMonths: Array.from({ length: 11 }, () => month),
  ytd: {
    signedCount: { value: 1204, lastYear: 1180, yoy: 2 },
    signedAmount: { value: 1234567, lastYear: 1000000, yoy: 23.5 },
    funds: { value: 20000, lastYear: 25000, yoy: -20 },
    entities: { value: 4739, lastYear: 4929, yoy: -3.9 },
  },
  landing: { baselineYear: 2025, baselineDays: null, targetCut: 40, periods: [] },
  stalled: 0,
};

function renderDashboard() {
  renderRoute('/admin/business/investment', InvestmentDashboardPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(officeSession);
    if (path === '/api/v1/business/investment-dashboard') return json(dashboard);
    return notFound();
  });
}

describe('the investment dashboard', () => {
  it('groups a figure and the year before’s alike, in the reader’s language', async () => {
    await changeLocale('en');
    try {
      renderDashboard();
      const entities = await screen.findByTestId('yoy-entities');
      expect(entities.textContent).toBe('Year on year -3.9% (a year before: 4,929)');
      expect(screen.getByTestId('yoy-signedCount').textContent).toContain('(a year before: 1,180)');
      expect(screen.getByTestId('yoy-signedAmount').textContent).toContain('(a year before: 100.00)');
      expect(screen.getByTestId('dashboard-figures').textContent).toContain('4,739');
      expect(screen.getByTestId('dashboard-figures').textContent).toContain('123.46');
    } finally {
      await changeLocale('zh-CN');
    }
  });
});
