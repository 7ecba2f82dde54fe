import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buttonNamed, buttonsNamed } from '../../test-queries';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { ProjectPage } from './ProjectPage';
import type { ReformProject } from './shared';

const project: ReformProject = {
  id: id(10),
  code: 'QJGG-B001',
  name: '优化营商环境攻坚行动',
  listId: id(2),
  listName: '现阶段亟须改革攻坚',
  source: 'local',
  leadUnitId: id(3),
  leadUnitName: '区发展改革委',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  pilotLevel: null,
  pilotStatus: null,
  milestones: 1,
  milestonesDone: 1,
  progress: 1,
  status: 'completed',
  overdueMilestones: 0,
  isDemo: false,
  goal: '企业开办一日办结',
  coUnits: [],
  milestoneList: [
    {
      id: id(20),
      name: '出台实施方案',
      weight: 1,
      dueDate: '2026-03-31',
      done: 1,
      doneAt: null,
      overdue: false,
      workdaysLeft: -100,
    },
  ],
  reports: [],
  corrections: [],
  fromSuggestions: [],
  actions: { edit: true, assign: false, report: true, correct: false, delete: false },
};

/**
 * Renders the page of project id(10) as the server answers it with `shown`; `first` may answer a
 * request before (a write, say). Returns every request's method and path, in order.
 */
function renderProject(
  shown: unknown,
  first?: (request: Request, path: string) => Promise<Response | undefined>,
) {
  const sent: string[] = [];
  renderRoute(
    '/admin/reforms/projects/:id',
    ProjectPage,
    async (request: Request) => {
      const path = new URL(request.url).pathname;
      sent.push(`${request.method} ${path}`);
      const answered = await first?.(request, path);
      if (answered) return answered;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      if (path === `/api/v1/reforms/projects/${id(10)}/study-practices`) return json({ items: [] });
      if (path === `/api/v1/reforms/projects/${id(10)}`) return json(shown);
      return notFound();
    },
    `/admin/reforms/projects/${id(10)}`,
  );
  return { sent };
}

describe('project page', () => {
  it('sends the milestone plan whole and words a refused weight in the reader’s language', async () => {
    const office = { ...project, actions: { edit: true, assign: true, report: false } };
    const sent: unknown[] = [];
    renderProject(office, async (request, path) => {
      if (path !== `/api/v1/reforms/projects/${id(10)}/milestones`) return undefined;
      sent.push(JSON.parse(await request.text()));
      return validationProblem([
        { path: 'milestones.1.weight', message: 'a weight above 0', code: 'not_positive' },
      ]);
    });
    expect(await screen.findByText('企业开办一日办结', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByText('添加节点'));
    // The milestone done in full stays (the server would refuse its removal); the new one may go.
    expect(screen.getByText('已有经审核的进度，不能删除')).toBeTruthy();
    expect(buttonsNamed(document.body, /^删除：/)).toHaveLength(1);
    // A row just added has no name yet: its remove button is named by its place.
    expect(buttonsNamed(document.body, '删除：第2行')).toHaveLength(1);
    fireEvent.change(document.getElementById('milestone-name-1')!, { target: { value: '系统上线' } });
    fireEvent.change(document.getElementById('milestone-weight-1')!, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('milestones-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      milestones: [
        { id: id(20), name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
        { name: '系统上线', weight: 0, dueDate: '2026-12-31' },
      ],
    });
    expect(await screen.findByText(/须大于 0/)).toBeTruthy();
    // The refusal names the row and the field, and marks that field.
    expect(screen.getByText(/第2行的权重.*须大于 0/)).toBeTruthy();
    const weight = document.getElementById('milestone-weight-1')!;
    await waitFor(() => expect(weight.closest('.ant-input-number-status-error')).not.toBeNull());
    expect(
      document.getElementById('milestone-weight-0')!.closest('.ant-input-number-status-error'),
    ).toBeNull();
  });

  it('a lead unit renames its milestones; adding, removing, weights and due dates are the office’s', async () => {
    renderProject({ ...project, milestoneList: [{ ...project.milestoneList[0]!, done: 0 }] });
    expect(await screen.findByText('企业开办一日办结', {}, { timeout: 10_000 })).toBeTruthy();
    expect(document.getElementById('milestone-name-0')).not.toBeNull();
    expect(document.getElementById('milestone-weight-0')).toBeNull();
    expect(document.getElementById('milestone-due-0')).toBeNull();
    expect(screen.getByText('2026-03-31')).toBeTruthy();
    expect(screen.queryByText('添加节点')).toBeNull();
    expect(screen.queryByTestId('reform-project-delete')).toBeNull();
    expect(buttonsNamed(document.body, /^删除：/)).toHaveLength(0);
    expect(
      screen.getByText(
        '所属清单、编号、名称、来源、牵头单位、试点信息和结束时间，以及节点的增删、权重和完成时限，由区委改革办调整。开始时间只能提前，推后须由区委改革办调整。',
      ),
    ).toBeTruthy();
    // Its start may move earlier only: the picker ends at the present start.
    fireEvent.click(buttonNamed(document.body, '编辑项目信息'));
    const start = (await screen.findByLabelText('开始时间')) as HTMLInputElement;
    expect(start.max).toBe('2026-01-01');
    expect((screen.getByLabelText('完成时限') as HTMLInputElement).disabled).toBe(true);
  });

  it('words a milestone past a date that fell on a day off as overdue, never by zero working days', async () => {
    const late = (n: number, name: string, workdaysLeft: number) => ({
      id: id(n),
      name,
      weight: 0.5,
      dueDate: '2026-12-04',
      done: 0,
      doneAt: null,
      overdue: true,
      workdaysLeft,
    });
    const open = {
      ...project,
      status: 'behind' as const,
      milestoneList: [late(21, '完成试点评估', 0), late(22, '印发推广文件', -2)],
    };
    renderProject(open);
    expect(await screen.findByText('已逾期', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('逾期 2 个工作日')).toBeTruthy();
    expect(screen.queryByText('逾期 0 个工作日')).toBeNull();
  });

  it('a project that is not there says so with the way back, not grey bars for ever', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      return notFound();
    };
    renderRoute('/admin/reforms/projects/:id', ProjectPage, fetch, `/admin/reforms/projects/${id(12)}`);
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回改革台账' })).toBeTruthy();
  });

  it('a project that fails to load says so with a retry, not grey bars for ever', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      return json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500);
    };
    renderRoute('/admin/reforms/projects/:id', ProjectPage, fetch, `/admin/reforms/projects/${id(11)}`);
    expect(await screen.findByTestId('load-retry', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('shows a reader who cannot change the plan its milestones as text, the dates as YYYY-MM-DD', async () => {
    const readOnly = { ...project, actions: { edit: false, assign: false, report: false } };
    renderProject(readOnly);
    expect(await screen.findByText('出台实施方案', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('2026-03-31')).toBeTruthy();
    expect(document.querySelector('input')).toBeNull();
  });

  it('offers a report only for the project’s own months: one that ended offers its last month, not last month', async () => {
    const now = new Date();
    const ended = new Date(now.getFullYear(), now.getMonth() - 3, 1);
    const end = `${ended.getFullYear()}-${String(ended.getMonth() + 1).padStart(2, '0')}`;
    const past = {
      ...project,
      startDate: '2020-01-01',
      endDate: `${end}-28`,
      status: 'behind' as const,
      actions: { edit: true, assign: false, report: true },
    };
    renderProject(past);
    const picker = await screen.findByTestId('report-month', {}, { timeout: 10_000 });
    expect(picker.textContent).toContain(`${ended.getFullYear()}年${ended.getMonth() + 1}月`);
  });

  it('the office deletes a project entered by mistake after confirming', async () => {
    const office = { ...project, actions: { edit: true, assign: true, report: false, delete: true } };
    const { sent } = renderProject(office, async (request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined,
    );
    fireEvent.click(await screen.findByTestId('reform-project-delete', {}, { timeout: 10_000 }));
    fireEvent.click(await waitFor(() => buttonNamed(document.body, /^(确 ?定|OK)$/)));
    await waitFor(() => expect(sent).toContain(`DELETE /api/v1/reforms/projects/${id(10)}`));
  });

  it('asks the campaign’s office why it deletes a project taken from a suggestion, and says the citizens are told', async () => {
    const adopted = {
      ...project,
      fromSuggestions: [{ id: id(60), title: '开通高铁站公交接驳专线' }],
      actions: { edit: true, assign: true, report: false, correct: false, delete: true },
    };
    const bodies: unknown[] = [];
    const { sent } = renderProject(adopted, async (request) => {
      if (request.method !== 'DELETE') return undefined;
      bodies.push(JSON.parse(await request.text()));
      return new Response(null, { status: 204 });
    });
    fireEvent.click(await screen.findByTestId('reform-project-delete', {}, { timeout: 10_000 }));
    const told = await screen.findByTestId('reform-withdraw-told');
    expect(told.textContent).toContain('建议人、关注者和支持者都会收到通知');
    expect(screen.getByText('开通高铁站公交接驳专线')).toBeTruthy();
    // No reason, no request.
    fireEvent.click(buttonNamed(document.body, '删除并通知群众'));
    expect(await screen.findByText('必填', {}, { timeout: 10_000 })).toBeTruthy();
    expect(sent.some((s) => s.startsWith('DELETE'))).toBe(false);
    fireEvent.change(screen.getByLabelText('撤销理由'), { target: { value: '与区级项目重复，合并办理' } });
    fireEvent.click(buttonNamed(document.body, '删除并通知群众'));
    await waitFor(() => expect(sent).toContain(`DELETE /api/v1/reforms/projects/${id(10)}`));
    expect(bodies).toEqual([{ reason: '与区级项目重复，合并办理' }]);
  }, 90_000);

  it('words the server’s refusal of a reason under the field', async () => {
    const adopted = {
      ...project,
      fromSuggestions: [{ id: id(60), title: '开通高铁站公交接驳专线' }],
      actions: { edit: true, assign: true, report: false, correct: false, delete: true },
    };
    renderProject(adopted, async (request) =>
      request.method === 'DELETE'
        ? validationProblem([{ path: 'reason', message: 'required', code: 'required' }])
        : undefined,
    );
    fireEvent.click(await screen.findByTestId('reform-project-delete', {}, { timeout: 10_000 }));
    fireEvent.change(await screen.findByLabelText('撤销理由'), { target: { value: '项目重复立项' } });
    fireEvent.click(buttonNamed(document.body, '删除并通知群众'));
    const field = await screen.findByLabelText('撤销理由');
    await waitFor(() => expect(field.closest('.ant-form-item-has-error')).not.toBeNull());
  });

  it('offers no delete to the office over the lead unit once the project came from a suggestion', async () => {
    renderProject({
      ...project,
      fromSuggestions: [{ id: id(60), title: '开通高铁站公交接驳专线' }],
      actions: { edit: true, assign: true, report: false, correct: false, delete: false },
    });
    expect(await screen.findByText('企业开办一日办结', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('reform-project-delete')).toBeNull();
  });

  it('a project with reports cannot be deleted: the action is disabled, and a lead unit is not offered it', async () => {
    const withReports = {
      ...project,
      reports: [{ id: id(50), period: '2026-10', status: 'approved' }],
      actions: { edit: true, assign: true, report: false, delete: true },
    } as unknown as ReformProject;
    renderProject(withReports);
    const button = await screen.findByTestId('reform-project-delete', {}, { timeout: 10_000 });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
