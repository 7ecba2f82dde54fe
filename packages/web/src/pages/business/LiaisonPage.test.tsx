import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, notFound, renderRoute } from '../../test-support';
import { LiaisonPage } from './LiaisonPage';

type Page = components['schemas']['LiaisonPage'];
type Row = components['schemas']['LiaisonRow'];

const row = (n: number, extra: Partial<Row>): Row => ({
  firmId: id(n),
  firmName: `企业${n}有限公司`,
  townName: '城西街道',
  industryName: '制造业',
  cadreId: id(90),
  cadreName: '联企干部 周建国',
  pairedOn: '2026-01-01',
  lastVisitOn: '2026-08-01',
  dueOn: '2026-10-30',
  state: 'ok',
  daysOverdue: 0,
  actions: { logVisit: true, raise: true },
  ...extra,
});

const page = (actions: Page['actions'], items: Row[]): Page => ({
  total: items.length,
  items,
  counts: { firms: items.length, unpaired: 0, ok: 1, dueSoon: 0, overdue: 1 },
  cadres: [{ id: id(90), name: '联企干部 周建国', unitName: '发展改革委', firms: 2, overdue: 1 }],
  settings: { visitEveryDays: 90, dueSoonDays: 14 },
  actions,
});

function renderPage(body: Page) {
  renderRoute('/admin/business/liaison', LiaisonPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/business/liaison') return json(body);
    if (path === `/api/v1/business/firms/${id(1)}/liaison`)
      return json({ visits: [], actions: { logVisit: true } });
    if (path === '/api/v1/business/request-categories') return json([]);
    return notFound();
  });
}

afterEach(() => {
  vi.useRealTimers();
});

const items = [row(1, { state: 'overdue', daysOverdue: 12, dueOn: '2026-11-20' }), row(2, {})];

describe('the liaison page', () => {
  it('shows a cadre their firms with overdue visits flagged, and no office buttons', async () => {
    renderPage(page({ assign: false, configure: false, remind: false }, items));
    expect(await screen.findByText('企业1有限公司')).toBeTruthy();
    expect(screen.getByText('逾期 12 天')).toBeTruthy();
    // Their firms are all paired with them: no count of unpaired ones.
    expect(document.querySelectorAll('.ant-statistic')).toHaveLength(4);
    expect([...document.querySelectorAll('.ant-statistic-title')].map((e) => e.textContent)).not.toContain(
      '未结对',
    );
    expect(screen.queryByTestId('liaison-propose')).toBeNull();
    expect(screen.queryByTestId('liaison-remind')).toBeNull();
  });

  it('offers the office what the server allows it', async () => {
    renderPage(page({ assign: true, configure: false, remind: true }, items));
    expect(await screen.findByTestId('liaison-propose')).toBeTruthy();
    expect(screen.getByTestId('liaison-remind')).toBeTruthy();
    expect(screen.queryByTestId('liaison-settings')).toBeNull();
  });

  it("proposes Qianjiang's day for a visit, not the device's, after midnight in China", async () => {
    // 16:30 UTC on 5 December: 00:30 on 6 December in Qianjiang. Only the clock is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T16:30:00Z'));
    renderPage(page({ assign: false, configure: false, remind: false }, items));
    fireEvent.click((await screen.findAllByTestId('liaison-open'))[0]!);
    const day = (await screen.findByLabelText('走访日期')) as HTMLInputElement;
    expect(day.value).toBe('2026-12-06');
  });
});
