import '../../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../../test-support';
import { ProjectsPage } from './ProjectsPage';
import type { ProjectDetail, ProjectList } from './shared';

const project: ProjectDetail = {
  id: id(1),
  name: '黔龙锰基新材料项目',
  investor: '重庆黔龙实业有限公司',
  firmId: null,
  firmName: null,
  amount: 165000,
  chainCode: 'materials',
  chainName: '新型材料',
  commissionerId: id(2),
  commissionerName: '区商务委 招商服务专员 王磊',
  leadUnitId: id(3),
  leadUnitName: '区经济信息委',
  signedOn: '2026-01-12',
  stage: 'registered',
  stages: { signed: '2026-01-12', registered: '2026-02-20', started: null, producing: null, effective: null },
  landingDays: null,
  stalled: { waitingFor: 'started', days: 200 },
  fundsInPlace: 12000,
  actions: { update: false, recordStage: true, recordFunds: true },
  history: [
    {
      stage: 'registered',
      reachedOn: '2026-02-20',
      note: '',
      recordedByName: '区商务委 招商服务专员 王磊',
      recordedAt: '2026-02-21T02:00:00.000Z',
      current: true,
    },
  ],
  funds: [{ receivedOn: '2026-02-25', amount: 12000, cumulative: 12000, note: '' }],
};

const list: ProjectList = {
  items: [project],
  asOf: '2026-09-08',
  settings: { stallDays: { registered: 90, started: 180, producing: 365, effective: 365 } },
  actions: { create: false, configure: false, setEntities: false },
};

function renderPage() {
  const posted: unknown[] = [];
  renderRoute('/admin/business/projects', ProjectsPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/business/projects') return json(list);
    if (path === '/api/v1/business/industrial-chains')
      return json([{ code: 'materials', name: '新型材料', nameEn: 'New materials', sort: 1, active: true }]);
    if (path === `/api/v1/business/projects/${id(1)}` && request.method === 'GET') return json(project);
    if (path === `/api/v1/business/projects/${id(1)}/stages`) {
      const body = (await request.json()) as { stage: string; reachedOn: string };
      posted.push(body);
      if (body.reachedOn < '2026-02-20')
        return validationProblem([
          {
            path: 'reachedOn',
            message: 'before previous stage',
            code: 'before_previous_stage',
            params: { date: '2026-02-20' },
          },
        ]);
      return json(
        {
          ...project,
          stage: 'started',
          stalled: null,
          stages: { ...project.stages, started: body.reachedOn },
        },
        201,
      );
    }
    return notFound();
  });
  return posted;
}

describe('investment projects page', () => {
  it('lists projects by name: chain, commissioner, stage and the stalled flag, never codes', async () => {
    renderPage();
    const row = (await screen.findByText('黔龙锰基新材料项目')).closest('tr')!;
    const cells = within(row);
    expect(cells.getByText('新型材料')).toBeTruthy();
    expect(cells.getByText('区商务委 招商服务专员 王磊')).toBeTruthy();
    expect(cells.getByText('16.50')).toBeTruthy();
    expect(cells.getByText('注册')).toBeTruthy();
    expect(cells.getByText('停滞 200 天（待开工）')).toBeTruthy();
    expect(cells.queryByText('materials')).toBeNull();
    expect(screen.queryByTestId('project-new')).toBeNull();
  });

  it('records a stage from the drawer, showing a date out of order in words', async () => {
    const posted = renderPage();
    fireEvent.click(await screen.findByText('黔龙锰基新材料项目'));
    const drawer = within(await screen.findByTestId('project-drawer'));
    expect(drawer.getByText('到位资金（累计 1.20 亿元）')).toBeTruthy();
    fireEvent.change(drawer.getByTestId('stage-date'), { target: { value: '2026-02-01' } });
    fireEvent.click(drawer.getByTestId('stage-submit'));
    expect(await drawer.findByText('不能早于上一阶段的日期（2026-02-20）')).toBeTruthy();
    fireEvent.change(drawer.getByTestId('stage-date'), { target: { value: '2026-04-01' } });
    fireEvent.click(drawer.getByTestId('stage-submit'));
    await waitFor(() => expect(drawer.getAllByText('2026-04-01').length).toBeGreaterThan(0));
    // The form moves on to the next stage.
    await waitFor(() => expect(drawer.getByTitle('投产')).toBeTruthy());
    expect(posted).toEqual([
      { stage: 'started', reachedOn: '2026-02-01', note: '' },
      { stage: 'started', reachedOn: '2026-04-01', note: '' },
    ]);
  });
});
