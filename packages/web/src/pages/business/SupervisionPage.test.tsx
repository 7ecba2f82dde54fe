import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute } from '../../test-support';
import { SupervisionPage } from './SupervisionPage';

describe("the commission's dashboard", () => {
  it('says the figures failed to load, with a retry, rather than showing every figure as 0', async () => {
    renderRoute('/admin/business/supervision', SupervisionPage, async () =>
      json({ type: 'about:blank', title: 'x', status: 500, code: 'INTERNAL' }, 500),
    );
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(document.querySelector('.ant-statistic')).toBeNull();
    expect(screen.queryByTestId('supervision-table')).toBeNull();
  });
});

const zeros = {
  open: 0,
  overdue: 0,
  dueSoon: 0,
  badRating: 0,
  rectifying: 0,
  appeal: 0,
  reminded: 0,
  repeated: 0,
};

describe('the requests waiting for the office to route them', () => {
  const show = (awaitingRouting: { count: number; oldestOn: string | null; oldestWorkdays: number }) =>
    renderRoute('/admin/business/supervision', SupervisionPage, async () =>
      json({ asOf: '2026-12-04', awaitingRouting, departments: [], total: zeros }),
    );

  it('are counted apart from every department, linked to their list, with how long the oldest has waited', async () => {
    show({ count: 4, oldestOn: '2026-11-27', oldestWorkdays: 5 });
    await screen.findByText('待分办');
    const card = screen.getByTestId('supervision-awaiting');
    expect(card.querySelector('a')?.getAttribute('href')).toBe('/admin/business/requests?status=submitted');
    expect(card.textContent).toContain('4');
    expect(card.textContent).toContain('最久的一件 2026-11-27 提交，已等 5 个工作日');
  });

  it('say when there are none, without a link to an empty list', async () => {
    show({ count: 0, oldestOn: null, oldestWorkdays: 0 });
    await screen.findByText('待分办');
    const card = screen.getByTestId('supervision-awaiting');
    expect(card.querySelector('a')).toBeNull();
    expect(card.textContent).toContain('尚未交给部门的诉求');
  });

  it('never say a request raised before a weekend came in today', async () => {
    // Seen on Sunday 12-06, a request raised that Friday has waited no working day yet.
    renderRoute('/admin/business/supervision', SupervisionPage, async () =>
      json({
        asOf: '2026-12-06',
        awaitingRouting: { count: 3, oldestOn: '2026-12-04', oldestWorkdays: 0 },
        departments: [],
        total: zeros,
      }),
    );
    await screen.findByText('待分办');
    const card = screen.getByTestId('supervision-awaiting');
    expect(card.textContent).toContain('最久的一件 2026-12-04 提交，尚未满一个工作日');
    expect(card.textContent).not.toContain('今天');
  });
});
