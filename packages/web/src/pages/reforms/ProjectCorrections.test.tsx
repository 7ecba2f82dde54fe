import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { ProjectPage } from './ProjectPage';
import type { ReformProject } from './shared';

const milestone = {
  id: id(20),
  name: '出台实施方案',
  weight: 1,
  dueDate: '2026-03-31',
  done: 1,
  doneAt: '2026-09-10T02:00:00.000Z',
  overdue: false,
  workdaysLeft: -100,
};
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
  goal: '',
  coUnits: [],
  milestoneList: [milestone],
  reports: [],
  corrections: [],
  fromSuggestions: [],
  actions: { edit: true, assign: true, report: false, correct: true, delete: true },
};
const corrected: ReformProject = {
  ...project,
  progress: 0.4,
  status: 'on_track',
  milestoneList: [{ ...milestone, done: 0.4, doneAt: null }],
  corrections: [
    {
      id: id(70),
      milestoneId: id(20),
      milestoneName: '出台实施方案',
      doneBefore: 1,
      doneAfter: 0.4,
      reason: '印发的是征求意见稿',
      correctedAt: '2026-10-20T02:30:00.000Z',
      correctedByName: '活动办 管理员',
    },
  ],
};

function renderProject(shown: ReformProject, answer?: (body: unknown) => Response) {
  const sent: unknown[] = [];
  renderRoute(
    '/admin/reforms/projects/:id',
    ProjectPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/lists') return json([]);
      if (path === `/api/v1/reforms/projects/${id(10)}/study-practices`) return json({ items: [] });
      if (path === `/api/v1/reforms/projects/${id(10)}/milestones/${id(20)}/correction`) {
        const body = JSON.parse(await request.text());
        sent.push(body);
        return answer ? answer(body) : json(corrected);
      }
      if (path === `/api/v1/reforms/projects/${id(10)}`) return json(shown);
      return notFound();
    },
    `/admin/reforms/projects/${id(10)}`,
  );
  return { sent };
}

async function correct(done: string, reason: string) {
  fireEvent.click(await screen.findByTestId('reform-correct', {}, { timeout: 10_000 }));
  const dialog = within(await screen.findByRole('dialog'));
  fireEvent.mouseDown(dialog.getByLabelText('节点'));
  fireEvent.click(
    await screen.findByText(/出台实施方案（当前已认定 100%）/, {
      selector: '.ant-select-item-option-content',
    }),
  );
  fireEvent.change(dialog.getByLabelText('更正为'), { target: { value: done } });
  fireEvent.change(dialog.getByLabelText('更正理由'), { target: { value: reason } });
  fireEvent.click(dialog.getByRole('button', { name: /确认更正/ }));
}

describe('correcting approved progress on the project page', () => {
  it('the office lowers a milestone with a reason; the correction shows in the project’s history', async () => {
    const { sent } = renderProject(project);
    await correct('40', '印发的是征求意见稿');
    await waitFor(() => expect(sent).toEqual([{ done: 0.4, reason: '印发的是征求意见稿' }]));
    const history = within(await screen.findByTestId('reform-corrections'));
    expect(await history.findByText('100% → 40%')).toBeTruthy();
    expect(history.getByText('印发的是征求意见稿')).toBeTruthy();
    expect(history.getByText('活动办 管理员')).toBeTruthy();
    expect(history.getByText('2026-10-20 10:30')).toBeTruthy();
  });

  it('a refused figure is worded under its field', async () => {
    renderProject(project, () =>
      validationProblem([
        {
          path: 'done',
          message: 'below the approved 100%',
          code: 'not_below_approved',
          params: { value: '出台实施方案', maximum: 100 },
        },
      ]),
    );
    await correct('100', '再次核对后更正');
    expect(
      await screen.findByText(
        '更正后的进度须低于节点“出台实施方案”当前已认定的 100%',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
  });

  it('a lead unit reads the history but is offered no correction', async () => {
    renderProject({
      ...corrected,
      actions: { edit: true, assign: false, report: true, correct: false, delete: false },
    });
    const history = within(await screen.findByTestId('reform-corrections', {}, { timeout: 10_000 }));
    expect(history.getByText('印发的是征求意见稿')).toBeTruthy();
    expect(screen.queryByTestId('reform-correct')).toBeNull();
  });
});
