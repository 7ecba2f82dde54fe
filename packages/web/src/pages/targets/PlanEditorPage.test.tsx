import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, unavailable, validationProblem } from '../../test-support';
import { PlanEditorPage } from './PlanEditorPage';
import type { Plan } from './shared';

const blankItem: Plan['items'][number] = {
  indicatorId: id(21),
  indicatorCode: 'ECO-001',
  indicatorName: '地区生产总值',
  measure: '亿元',
  base: null,
  targets: [null, null, null, null],
  benchmarkRegionId: null,
  benchmarkValue: null,
  weight: 1,
  justification: '',
  direction: 'higher',
  negativeAllowed: false,
};

const draft = (over: Partial<Plan> = {}): Plan => ({
  id: id(2),
  unitId: id(3),
  unitName: '区发展改革委',
  year: 2026,
  status: 'draft',
  contactName: '',
  contactPhone: '',
  returnReason: null,
  submittedAt: null,
  reviewedAt: null,
  itemCount: 1,
  isDemo: false,
  actions: { edit: true, submit: true, review: false, report: false, reopen: false },
  updatedAt: '2026-12-01T02:00:00.000Z',
  items: [blankItem],
  ...over,
});

/**
 * The fake server keeps what was saved; submitting refuses as the real one does when fields are
 * missing. With `regionsFail`, the regions cannot be read (the server, the network).
 */
function renderEditor(plan: Plan, regionsFail = false, savedMeanwhile?: Plan) {
  const sent: unknown[] = [];
  // With `savedMeanwhile`, someone else saved the plan after the page read it.
  let current = plan;
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/targets/regions') return regionsFail ? unavailable() : json([]);
    if (path === `/api/v1/targets/plans/${plan.id}` && request.method === 'PUT') {
      sent.push(await request.json());
      if (savedMeanwhile) {
        current = savedMeanwhile;
        return json(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'CONFLICT',
            errors: [{ path: 'updatedAt', message: 'changed', code: 'edited_meanwhile' }],
          },
          409,
        );
      }
      // Each save moves the plan's updatedAt on by a second.
      current = {
        ...current,
        updatedAt: new Date(Date.parse(plan.updatedAt) + sent.length * 1000).toISOString(),
      };
      return json(current);
    }
    if (path === `/api/v1/targets/plans/${plan.id}`) return json(current);
    if (path === `/api/v1/targets/plans/${plan.id}/submit`)
      return validationProblem([
        { path: 'contactPhone', message: 'required', code: 'required' },
        { path: 'items.0.base', message: 'required', code: 'required' },
        { path: 'items.0.targets.1', message: 'required', code: 'required' },
        { path: 'items.0.benchmarkValue', message: 'a benchmark', code: 'benchmark_missing' },
      ]);
    return notFound();
  };
  renderRoute('/admin/targets/plans/:id', PlanEditorPage, fetch, `/admin/targets/plans/${plan.id}`);
  return sent;
}

const input = (name: string) => document.getElementById(name) as HTMLInputElement;

describe('the plan editor', () => {
  it('shows blanks as blanks and saves them as blanks, not 0', async () => {
    const sent = renderEditor(draft());
    await waitFor(() => expect(input('plan-item-0-base')).toBeTruthy());
    // The row's remove button names the indicator it takes out.
    expect(screen.getByRole('button', { name: '移除：地区生产总值' })).toBeTruthy();
    expect(input('plan-item-0-base').value).toBe('');
    expect(input('plan-item-0-q1').value).toBe('');
    fireEvent.change(input('plan-item-0-q1'), { target: { value: '0' } });
    // A figure typed and then cleared is blank again, not 0.
    fireEvent.change(input('plan-item-0-base'), { target: { value: '5' } });
    fireEvent.change(input('plan-item-0-base'), { target: { value: '' } });
    fireEvent.change(input('plan-item-0-weight'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      items: [{ base: null, targets: [0, null, null, null], benchmarkValue: null, weight: null }],
    });
  });

  it('sends the plan as read, and on a save someone else made first says so and reloads theirs', async () => {
    const theirs = draft({ contactName: '李四', updatedAt: '2026-12-02T02:00:00.000Z' });
    const sent = renderEditor(draft(), false, theirs);
    await waitFor(() => expect(input('plan-contact-name')).toBeTruthy());
    fireEvent.change(input('plan-contact-name'), { target: { value: '王五' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ updatedAt: '2026-12-01T02:00:00.000Z' });
    const alert = await screen.findByTestId('edited-meanwhile');
    expect(alert.textContent).toContain('他人已保存过修改');
    fireEvent.click(screen.getByTestId('edited-meanwhile-reload'));
    await waitFor(() => expect(screen.queryByTestId('edited-meanwhile')).toBeNull());
    // What was typed gives way to what the other saved.
    await waitFor(() => expect(input('plan-contact-name').value).toBe('李四'));
  });

  it('after a submission refused, saves again on the plan as its own save left it', async () => {
    const sent = renderEditor(draft());
    fireEvent.click(await screen.findByTestId('plan-submit'));
    expect(await screen.findByTestId('plan-missing')).toBeTruthy();
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => (s as { updatedAt: string }).updatedAt)).toEqual([
      '2026-12-01T02:00:00.000Z',
      '2026-12-01T02:00:01.000Z',
    ]);
    expect(screen.queryByTestId('edited-meanwhile')).toBeNull();
  });

  it('names what the server says is missing on submission and marks those fields', async () => {
    renderEditor(draft());
    fireEvent.click(await screen.findByTestId('plan-submit'));
    const missing = await screen.findByTestId('plan-missing');
    expect(missing.textContent).toContain('计划还不能提交');
    expect(missing.textContent).toContain('联系电话');
    expect(missing.textContent).toContain('地区生产总值');
    expect(missing.textContent).toContain('基期值、第2季度目标、对标（对标地区或标杆值）');
    expect(input('plan-item-0-base').getAttribute('aria-invalid')).toBe('true');
    expect(input('plan-item-0-q1').getAttribute('aria-invalid')).toBeNull();
    // Filling a marked field takes its mark away.
    fireEvent.change(input('plan-item-0-base'), { target: { value: '100' } });
    await waitFor(() => expect(input('plan-item-0-base').getAttribute('aria-invalid')).toBeNull());
    expect(screen.getByTestId('plan-missing').textContent).not.toContain('基期值');
    expect(screen.getAllByLabelText('提交前必填').length).toBeGreaterThan(0);
  });

  it('gives a reviewer, who cannot edit, no actions column pinned over the figures', async () => {
    renderEditor(
      draft({
        status: 'submitted',
        actions: { edit: false, submit: false, review: true, report: false, reopen: false },
      }),
    );
    expect(await screen.findByTestId('plan-approve')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /^权重/ })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });

  it('says why submission is off while the plan has no indicator', async () => {
    renderEditor(draft({ items: [], itemCount: 0 }));
    const button = await screen.findByTestId('plan-submit');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.mouseEnter(button.parentElement!);
    expect(await screen.findByText('请先添加至少一项指标')).toBeTruthy();
  });
});

describe('a plan whose regions fail to load', () => {
  it('says so, with a retry, above the benchmarks chosen among them', async () => {
    renderEditor(draft(), true);
    await waitFor(() => expect(input('plan-item-0-base')).toBeTruthy());
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
  });
});
