import '../../i18n';
import { screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicSuggestion, renderRoute } from '../../test-support';
import { AdoptionPage } from '../ideas/admin/AdoptionPage';
import { DetailPage } from '../ideas/DetailPage';
import { PublicProjectPage } from './PublicProjectPage';
import type { PublicReformProject } from './shared';

const reforms = {
  projects: [
    {
      id: id(101),
      code: 'QJGG-B007',
      name: '高铁站片区公交接驳改革',
      listId: id(2),
      leadUnit: '区交通局',
      progress: 0.625,
      status: 'behind',
    },
  ],
  battles: [{ id: id(201), name: '高铁站站前广场建设攻坚战' }],
};

function renderDetail(status: 'adopted' | 'accepted', asked: string[] = []) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/public/campaign') return json({ domains: [], survey: [] });
    if (path === '/api/v1/units') return json([]);
    if (path === `/api/v1/public/suggestions/${id(1)}`) return json(publicSuggestion({ status }));
    if (path === `/api/v1/public/suggestions/${id(1)}/comments`) return json([]);
    if (path === `/api/v1/public/reforms/suggestions/${id(1)}`) return json(reforms);
    return notFound();
  };
  renderRoute('/ideas/:id', DetailPage, fetch, `/ideas/${id(1)}`);
  return asked;
}

describe('what an adopted suggestion became, on its public page', () => {
  it('shows the project’s name, lead unit, progress and status, linking to its page, and the battle', async () => {
    renderDetail('adopted');
    const card = await screen.findByTestId('suggestion-reforms', {}, { timeout: 5000 });
    expect(within(card).getByText('已转化为改革任务')).toBeTruthy();
    const project = within(card).getByTestId('suggestion-reform-project');
    expect(within(project).getByText('高铁站片区公交接驳改革').closest('a')?.getAttribute('href')).toBe(
      `/reforms/${id(101)}`,
    );
    expect(project.textContent).toContain('区交通局');
    expect(project.textContent).toContain('滞后');
    expect(within(project).getByLabelText('高铁站片区公交接驳改革的进度').textContent).toContain('62.5');
    expect(within(card).getByTestId('suggestion-reform-battles').textContent).toContain(
      '高铁站站前广场建设攻坚战',
    );
  });

  it('asks nothing of the reforms for a suggestion not adopted', async () => {
    const asked = renderDetail('accepted');
    await screen.findByText('高铁站开通夜班公交');
    expect(asked).not.toContain(`/api/v1/public/reforms/suggestions/${id(1)}`);
    expect(screen.queryByTestId('suggestion-reforms')).toBeNull();
  });

  it('words the progress on the timeline with the status’s name, not its code', () => {
    expect(
      i18n.t('ideas.timeline.reformProgress', {
        projectName: '高铁站片区公交接驳改革',
        progress: 63,
        status: 'behind',
      }),
    ).toBe('改革项目“高铁站片区公交接驳改革”进度 63%，滞后');
  });
});

describe('the suggestions a project came from, on its public page', () => {
  it('lists 来自群众建议 with links back to each suggestion', async () => {
    const project: PublicReformProject = {
      ...reforms.projects[0]!,
      status: 'behind',
      listName: '现阶段亟须改革攻坚',
      source: 'local',
      coUnits: [],
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      goal: '',
      pilotLevel: null,
      pilotStatus: null,
      milestones: [],
      suggestions: [{ id: id(1), title: '高铁站开通夜班公交' }],
      reports: [{ period: '2026-10', summary: '夜班公交线路方案已征求意见' }],
    };
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      if (path === `/api/v1/public/reforms/projects/${id(101)}`) return json(project);
      return notFound();
    };
    renderRoute('/reforms/:id', PublicProjectPage, fetch, `/reforms/${id(101)}`);
    const card = await screen.findByTestId('reform-project-suggestions');
    expect(within(card).getByText('来自群众建议')).toBeTruthy();
    expect(within(card).getByText('高铁站开通夜班公交').closest('a')?.getAttribute('href')).toBe(
      `/ideas/${id(1)}`,
    );
    // The approved monthly reports' summaries, by month.
    const reports = screen.getByTestId('reform-project-reports');
    expect(within(reports).getByText('2026年10月进展')).toBeTruthy();
    expect(within(reports).getByText('夜班公交线路方案已征求意见')).toBeTruthy();
  });
});

describe('adoption into the reforms on the campaign’s adoption page', () => {
  function renderAdoption(abilities: Array<{ action: string; scopes: string[] }>) {
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session')
        return json({
          user: {
            id: id(9),
            login: 'office',
            displayName: '区委改革办',
            mustChangePassword: false,
            grants: [],
          },
          csrfToken: 'token',
          menu: [],
          abilities,
        });
      if (url.pathname === '/api/v1/units') return json([]);
      if (url.pathname === '/api/v1/ideas/actions') return json({ items: [], actions: { adopt: true } });
      if (url.pathname === '/api/v1/reforms/adoptions')
        return json([{ suggestionId: id(1), title: '高铁站开通夜班公交', supports: 12, ...reforms }]);
      return notFound();
    };
    renderRoute('/admin/ideas/actions', AdoptionPage, fetch);
  }

  it('offers the office the three ways the server allows', async () => {
    renderAdoption([
      { action: 'suggestion.adopt', scopes: ['/qj/'] },
      { action: 'battle.write', scopes: ['/qj/'] },
    ]);
    (await screen.findByTestId('reform-adopt-open')).click();
    expect(await screen.findByTestId('reform-adopt-mode-new')).toBeTruthy();
    expect(screen.getByTestId('reform-adopt-mode-project')).toBeTruthy();
    expect(screen.getByTestId('reform-adopt-mode-battle')).toBeTruthy();
  });

  it('offers only the battle to whom the server allows battles alone, and nothing to others', async () => {
    renderAdoption([{ action: 'battle.write', scopes: ['/qj/'] }]);
    (await screen.findByTestId('reform-adopt-open')).click();
    expect(await screen.findByTestId('reform-adopt-mode-battle')).toBeTruthy();
    expect(screen.queryByTestId('reform-adopt-mode-new')).toBeNull();
  });

  it('shows no reform adoption without the ability', async () => {
    renderAdoption([]);
    await screen.findByTestId('adopt-open');
    await waitFor(() => expect(screen.queryByTestId('reform-adopt-open')).toBeNull());
  });
});
