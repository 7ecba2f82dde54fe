import '../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute, unavailable } from '../test-support';
import { PublicScorecardPage } from './business/PublicScorecardPage';
import { PublicSurveysPage } from './business/PublicSurveysPage';
import { PublicDrawsPage } from './inspections/PublicDrawsPage';
import { PublicResultsPage } from './inspections/PublicResultsPage';
import { PublicLearningPage } from './reforms/learning/PublicLearningPage';
import { PublicBattlesPage } from './reforms/PublicBattlesPage';
import { PublicCasesPage } from './reforms/PublicCasesPage';

const pages: Array<[string, ComponentType]> = [
  ['/business/scorecard', PublicScorecardPage],
  ['/business/surveys', PublicSurveysPage],
  ['/inspections/draws', PublicDrawsPage],
  ['/inspections/results', PublicResultsPage],
  ['/reforms/battles', PublicBattlesPage],
  ['/reforms/cases', PublicCasesPage],
  ['/reforms/learning', PublicLearningPage],
];

/** The public pages while the server cannot answer: each says so, with a retry. */
describe('a public page whose data fails to load', () => {
  it.each(pages)('%s says it failed, with a retry, not that there is nothing', async (path, Page) => {
    renderRoute(path, Page, async (request) =>
      new URL(request.url).pathname === '/api/v1/auth/session'
        ? json({ user: null, csrfToken: 'token', menu: [], abilities: [] })
        : unavailable(),
    );
    expect((await screen.findAllByTestId('load-retry')).length).toBeGreaterThan(0);
    expect(document.querySelector('.ant-empty')).toBeNull();
  });
});
