import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PlanEditorPage } from './PlanEditorPage';
import type { Plan } from './shared';

const item = (over: Partial<Plan['items'][number]> = {}): Plan['items'][number] => ({
  indicatorId: id(21),
  indicatorCode: 'ECO-001',
  indicatorName: '地区生产总值',
  measure: '亿元',
  base: 100,
  targets: [105, 110, 115, 120],
  benchmarkRegionId: null,
  benchmarkValue: 130,
  weight: 1,
  justification: '',
  direction: 'higher',
  negativeAllowed: false,
  ...over,
});

const plan = (over: Partial<Plan> = {}): Plan => ({
  id: id(2),
  unitId: id(3),
  unitName: '区发展改革委',
  year: 2026,
  status: 'draft',
  contactName: '联络员',
  contactPhone: '13912345678',
  returnReason: null,
  submittedAt: null,
  reviewedAt: null,
  itemCount: 1,
  isDemo: false,
  updatedAt: '2026-01-12T02:00:00.000Z',
  actions: { edit: true, submit: true, review: false, report: false, reopen: false },
  items: [item()],
  ...over,
});

function renderEditor(p: Plan) {
  const sent: Array<{ items: Array<{ justification: string }> }> = [];
  renderRoute(
    '/admin/targets/plans/:id',
    PlanEditorPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      if (path === '/api/v1/targets/regions') return json([]);
      if (path === `/api/v1/targets/plans/${p.id}` && request.method === 'PUT') {
        sent.push(await request.json());
        return json(p);
      }
      if (path === `/api/v1/targets/plans/${p.id}`) return json(p);
      return notFound();
    },
    `/admin/targets/plans/${p.id}`,
  );
  return sent;
}

const input = (name: string) => document.getElementById(name) as HTMLInputElement;

describe('a plan figure that goes against its indicator', () => {
  it('is marked as typed, said in words beneath its row, and asks the unit for a reason it saves', async () => {
    const sent = renderEditor(plan());
    await waitFor(() => expect(input('plan-item-0-q2')).toBeTruthy());
    expect(screen.queryByTestId('plan-item-0-concerns')).toBeNull();
    fireEvent.change(input('plan-item-0-q2'), { target: { value: '90' } });
    const panel = await screen.findByTestId('plan-item-0-concerns');
    expect(panel.textContent).toContain('越高越好');
    expect(panel.textContent).toContain('第2季度目标：低于基数 100，而该指标越高越好');
    fireEvent.change(input('plan-item-0-q4'), { target: { value: '-5' } });
    await waitFor(() => expect(panel.textContent).toContain('第4季度目标：低于基数 100'));
    fireEvent.change(input('plan-item-0-justification'), { target: { value: '二季度停产检修' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.items[0]!.justification).toBe('二季度停产检修');
  });

  it('flags a negative figure where the indicator cannot be negative, not where it can', async () => {
    renderEditor(
      plan({
        items: [
          item({ base: -2, targets: [1, 2, 3, 4] }),
          item({
            indicatorId: id(22),
            indicatorCode: 'ECO-002',
            indicatorName: '地区生产总值增速',
            measure: '%',
            base: -3,
            targets: [-2, -1.5, -1, -0.5],
            negativeAllowed: true,
          }),
        ],
      }),
    );
    const panel = await screen.findByTestId('plan-item-0-concerns');
    expect(panel.textContent).toContain('基期值：该指标不应为负数');
    expect(screen.queryByTestId('plan-item-1-concerns')).toBeNull();
  });

  it('shows the office, reviewing, each figure against the indicator and the unit’s reason', async () => {
    renderEditor(
      plan({
        status: 'submitted',
        actions: { edit: false, submit: false, review: true, report: false, reopen: false },
        items: [
          item({ targets: [105, 90, 115, 120], justification: '二季度停产检修' }),
          item({
            indicatorId: id(22),
            indicatorCode: 'SOC-002',
            indicatorName: '城镇调查失业率',
            measure: '%',
            base: 5,
            targets: [4.8, 4.6, 5.5, 4.2],
            direction: 'lower',
          }),
        ],
      }),
    );
    expect(await screen.findByTestId('plan-approve')).toBeTruthy();
    const first = await screen.findByTestId('plan-item-0-concerns');
    expect(first.textContent).toContain('低于基数 100');
    expect(first.textContent).toContain('单位说明：二季度停产检修');
    const second = screen.getByTestId('plan-item-1-concerns');
    expect(second.textContent).toContain('第3季度目标：高于基数 5，而该指标越低越好');
    expect(second.textContent).toContain('单位未说明这些数值的原因');
    expect(input('plan-item-0-justification')).toBeNull();
  });
});
