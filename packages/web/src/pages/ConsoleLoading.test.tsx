import '../i18n';
import { screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { json, officeSession, renderRoute } from '../test-support';
import { FirmsPage } from './business/FirmsPage';
import { ProjectsPage } from './business/projects/ProjectsPage';
import { RequestsConsolePage } from './business/RequestsConsolePage';
import { SupervisionPage } from './business/SupervisionPage';
import { SurveysConsolePage } from './business/SurveysConsolePage';
import { FirmsPage as RiskFirmsPage } from './inspections/FirmsPage';
import { InspectorsPage } from './inspections/InspectorsPage';
import { ItemsPage } from './inspections/ItemsPage';
import { PlansPage as InspectionPlansPage } from './inspections/PlansPage';
import { TasksPage } from './inspections/TasksPage';
import { BattlesPage } from './reforms/BattlesPage';
import { CasesPage } from './reforms/CasesPage';
import { LedgerPage } from './reforms/LedgerPage';
import { ListsPage } from './reforms/ListsPage';
import { SessionsTab } from './reforms/learning/SessionsTab';
import { VisitsTab } from './reforms/learning/VisitsTab';
import { ReportsPage as ReformReportsPage } from './reforms/ReportsPage';

/** antd's own word for an empty table, which a page without words of its own shows. */
const NO_DATA = '暂无数据';

/** Each console list, and the words of its own that would say there is nothing. */
const pages: Array<[string, ComponentType, string[]]> = [
  ['/admin/business/requests', RequestsConsolePage, []],
  ['/admin/business/firms', FirmsPage, []],
  ['/admin/business/projects', ProjectsPage, []],
  ['/admin/business/surveys', SurveysConsolePage, ['还没有问卷。']],
  ['/admin/business/supervision', SupervisionPage, []],
  ['/admin/inspections/items', ItemsPage, []],
  ['/admin/inspections/firms', RiskFirmsPage, []],
  ['/admin/inspections/inspectors', InspectorsPage, []],
  ['/admin/inspections/tasks', TasksPage, []],
  ['/admin/inspections/plans', InspectionPlansPage, []],
  ['/admin/reforms/projects', LedgerPage, []],
  ['/admin/reforms/lists', ListsPage, []],
  ['/admin/reforms/battles', BattlesPage, []],
  ['/admin/reforms/cases', CasesPage, []],
  ['/admin/reforms/reports', ReformReportsPage, ['没有逾期未报的项目', '暂无月度进展']],
  ['/admin/reforms/learning/visits', VisitsTab, []],
  ['/admin/reforms/learning/sessions', SessionsTab, []],
];

/** Console lists while the server has not answered yet: a spinner, never the words for no data. */
describe('a console list whose data is still loading', () => {
  it.each(pages)('%s spins without saying there is nothing', async (path, Page, own) => {
    renderRoute(path, Page, async (request) =>
      new URL(request.url).pathname === '/api/v1/auth/session'
        ? json(officeSession)
        : // The server never answers within the test: every list stays loading.
          new Promise<Response>(() => {}),
    );
    await waitFor(() =>
      expect(document.querySelector('.ant-table-wrapper .ant-spin-spinning')).not.toBeNull(),
    );
    for (const words of [NO_DATA, ...own]) expect(screen.queryAllByText(words)).toEqual([]);
  });
});

describe('a console figure whose data is still loading', () => {
  it('shows no count of firms per risk level until the counts come, rather than zeros', async () => {
    renderRoute('/admin/inspections/firms', RiskFirmsPage, async (request) =>
      new URL(request.url).pathname === '/api/v1/auth/session'
        ? json(officeSession)
        : new Promise<Response>(() => {}),
    );
    await screen.findAllByText('高风险');
    const values = [...document.querySelectorAll('.ant-statistic-content')].map((v) => v.textContent);
    expect(values).toHaveLength(3);
    expect(values).toEqual(['—', '—', '—']);
  });
});
