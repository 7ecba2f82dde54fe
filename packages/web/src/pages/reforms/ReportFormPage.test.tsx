import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { ReportFormPage } from './ReportFormPage';
import type { ReformProject, ReformReport } from './shared';

const report = (over: Partial<ReformReport> = {}): ReformReport => ({
  id: id(50),
  projectId: id(10),
  projectCode: 'QJGG-B001',
  projectName: '优化营商环境攻坚行动',
  leadUnitName: '区发展改革委',
  period: '2026-11',
  status: 'draft',
  deadline: '2026-12-07',
  late: false,
  returnReason: null,
  submittedAt: null,
  reviewedAt: null,
  isDemo: false,
  summary: '',
  problems: '',
  items: [],
  removedItems: [],
  evidence: [],
  actions: { edit: true, submit: false, review: false },
  ...over,
});

const milestone = (n: number, done: number) => ({
  id: id(20 + n),
  name: `节点${n}`,
  weight: n,
  dueDate: '2026-11-30',
  done,
  doneAt: null,
  overdue: false,
  workdaysLeft: 0,
});

const project = { id: id(10), milestoneList: [milestone(1, 1), milestone(2, 0)] } as unknown as ReformProject;

function renderForm(r: ReformReport | null, submit?: () => Response) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body =
      request.method === 'GET'
        ? undefined
        : await request.text().then((x) => (x ? JSON.parse(x) : undefined));
    sent.push({ method: request.method, path, body });
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === `/api/v1/reforms/reports/${id(50)}`) return r ? json(r) : notFound();
    if (path === `/api/v1/reforms/reports/${id(50)}/submit`)
      return submit ? submit() : json({ ...r, status: 'submitted' });
    if (path === `/api/v1/reforms/reports/${id(50)}/approve`) return json({ ...r, status: 'approved' });
    if (path === `/api/v1/reforms/projects/${id(10)}`) return json(project);
    if (path === `/api/v1/reforms/evidence/${id(60)}` && request.method === 'DELETE')
      return new Response(null, { status: 204 });
    return notFound();
  };
  renderRoute('/admin/reforms/reports/:id', ReportFormPage, fetch, `/admin/reforms/reports/${id(50)}`);
  return { sent };
}

describe('monthly report form', () => {
  it('the lead unit reports a milestone done in percent; the server gets a share, then the submission', async () => {
    const { sent } = renderForm(report());
    expect(await screen.findByText('节点2', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.change(document.getElementById('report-summary')!, { target: { value: '系统已上线' } });
    fireEvent.change(document.getElementById('report-done-1')!, { target: { value: '100' } });
    fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(sent.some((s) => s.path.endsWith('/submit'))).toBe(true));
    const put = sent.find((s) => s.method === 'PUT');
    expect(put?.body).toEqual({
      summary: '系统已上线',
      problems: '',
      items: [{ milestoneId: id(22), done: 1, note: '' }],
    });
    expect(sent.findIndex((s) => s.method === 'PUT')).toBeLessThan(
      sent.findIndex((s) => s.path.endsWith('/submit')),
    );
  });

  it('the office sees a submitted report read-only with approve and return, and the approved share so far', async () => {
    const { sent } = renderForm(
      report({
        status: 'submitted',
        summary: '系统已上线，完成首批事项迁移',
        items: [
          {
            milestoneId: id(22),
            milestoneName: '节点2',
            weight: 2,
            dueDate: '2026-11-30',
            doneBefore: 0,
            done: 0.5,
            note: '过半',
          },
        ],
        actions: { edit: false, submit: false, review: true },
      }),
    );
    expect(await screen.findByTestId('report-approve', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('report-submit')).toBeNull();
    // What the report says reads as text, not as greyed-out fields too faint to read.
    await waitFor(() => expect(document.getElementById('report-done-1')?.textContent).toBe('50%'), {
      timeout: 10_000,
    });
    expect(screen.getByText('过半')).toBeTruthy();
    expect(screen.getByText('系统已上线，完成首批事项迁移')).toBeTruthy();
    expect(document.querySelector('textarea, input:disabled')).toBeNull();
    fireEvent.click(screen.getByTestId('report-approve'));
    await waitFor(() => expect(sent.some((s) => s.path.endsWith('/approve'))).toBe(true));
  });

  it('the office sees which figure is below what is already approved: approving it will not lower the milestone', async () => {
    const item = (n: number, doneBefore: number, done: number) => ({
      milestoneId: id(20 + n),
      milestoneName: `节点${n}`,
      weight: n,
      dueDate: '2026-11-30',
      doneBefore,
      done,
      note: '',
    });
    renderForm(
      report({
        status: 'submitted',
        summary: '补报十月进展',
        items: [item(1, 1, 0.3), item(2, 0, 0.5)],
        actions: { edit: false, submit: false, review: true },
      }),
    );
    await waitFor(() => expect(document.getElementById('report-done-0')?.textContent).toBe('30%'), {
      timeout: 10_000,
    });
    const marks = screen.getAllByTestId('below-approved');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.closest('tr')?.textContent).toContain('节点1');
    expect(marks[0]!.textContent).toBe('低于已认定进度，审核通过后不会降低该节点的进度');
  });

  it('evidence uploaded by mistake is removed after a confirmation, while the report may be changed', async () => {
    const file = {
      id: id(60),
      fileName: '错传的文件.pdf',
      size: 2048,
    } as unknown as ReformReport['evidence'][number];
    const { sent } = renderForm(report({ evidence: [file] }));
    fireEvent.click(await screen.findByTestId('evidence-remove', {}, { timeout: 10_000 }));
    fireEvent.click(await screen.findByRole('button', { name: /^(确 ?定|OK)$/ }));
    await waitFor(() =>
      expect(sent.some((s) => s.method === 'DELETE' && s.path === `/api/v1/reforms/evidence/${id(60)}`)).toBe(
        true,
      ),
    );
  });

  it('a submitted report offers no removal of its evidence', async () => {
    const file = {
      id: id(60),
      fileName: '印发文件.pdf',
      size: 2048,
    } as unknown as ReformReport['evidence'][number];
    renderForm(
      report({
        status: 'submitted',
        evidence: [file],
        actions: { edit: false, submit: false, review: true },
      }),
    );
    expect(await screen.findByText('印发文件.pdf', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('evidence-remove')).toBeNull();
  });

  it('submitting a report that says nothing says the progress this month is to be written', async () => {
    renderForm(report(), () =>
      validationProblem([{ path: 'summary', message: 'say what moved', code: 'required' }]),
    );
    expect(await screen.findByText('节点2', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText(/本月进展：必填/, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('a report that is not there, or not for the reader, says so with the way back, not grey bars for ever', async () => {
    renderForm(null);
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回月度进展' })).toBeTruthy();
  });
});
