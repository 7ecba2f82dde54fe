import '../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { json, officeSession, renderRoute, unavailable } from '../test-support';
import { FirmsPage } from './business/FirmsPage';
import { ProjectsPage } from './business/projects/ProjectsPage';
import { RequestsConsolePage } from './business/RequestsConsolePage';
import { SurveysConsolePage } from './business/SurveysConsolePage';
import { FirmsPage as RiskFirmsPage } from './inspections/FirmsPage';
import { InspectorsPage } from './inspections/InspectorsPage';
import { ItemsPage } from './inspections/ItemsPage';
import { PlansPage as InspectionPlansPage } from './inspections/PlansPage';
import { IndicatorsPage } from './targets/IndicatorsPage';
import { PlansPage } from './targets/PlansPage';
import { ReportsPage } from './targets/ReportsPage';
import { ScorecardsPage } from './targets/ScorecardsPage';

const NO_PLANS = '还没有计划';

/** Each page, and the words that would have said there is nothing. */
const pages: Array<[string, ComponentType, string?]> = [
  ['/admin/targets/plans', PlansPage],
  ['/admin/targets/reports', ReportsPage],
  ['/admin/targets/indicators', IndicatorsPage],
  ['/admin/business/projects', ProjectsPage],
  ['/admin/business/firms', FirmsPage],
  ['/admin/inspections/items', ItemsPage],
  ['/admin/inspections/firms', RiskFirmsPage],
  ['/admin/inspections/inspectors', InspectorsPage],
  ['/admin/business/requests', RequestsConsolePage],
  ['/admin/business/surveys', SurveysConsolePage],
  ['/admin/targets/scorecards', ScorecardsPage],
  // Its other sections (figures, rectifications) load apart; its own list would say there is no plan.
  ['/admin/inspections/plans', InspectionPlansPage, NO_PLANS],
];

const office = officeSession;

/** Console lists while the server cannot answer: each says so in its table, with a retry. */
describe('a console list whose data fails to load', () => {
  it.each(pages)(
    '%s says it failed, with a retry, not that there is nothing',
    async (path, Page, nothing) => {
      renderRoute(path, Page, async (request) =>
        new URL(request.url).pathname === '/api/v1/auth/session' ? json(office) : unavailable(),
      );
      expect((await screen.findAllByTestId('load-retry')).length).toBeGreaterThan(0);
      expect(screen.queryByText(nothing ?? '暂无数据')).toBeNull();
    },
  );
});
