import '../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import {
  id,
  json,
  officeSession,
  publicCampaign,
  publicSuggestion,
  renderRoute,
  sampleTown,
  unavailable,
} from '../test-support';
import { InvestmentDashboardPage } from './business/projects/InvestmentDashboardPage';
import { SurveyFormModal } from './business/SurveyFormModal';
import { HomePage } from './home/HomePage';
import { AdoptionPage } from './ideas/admin/AdoptionPage';
import { ConflictsCard } from './ideas/admin/ConflictsCard';
import { ReviewPage } from './ideas/admin/ReviewPage';
import { ScreeningPage } from './ideas/admin/ScreeningPage';
import { WrittenEntry } from './ideas/admin/WrittenEntry';
import { BrowsePage } from './ideas/BrowsePage';
import { SubmitPage } from './ideas/SubmitPage';
import { SurveyPage } from './ideas/SurveyPage';

/**
 * The loads many pages share (the campaign, the towns, the units): when one fails while the rest
 * of the page loads, the page says so where its choices would be, with a retry, rather than offer
 * no domains, no towns or no units with nothing said.
 */

const CAMPAIGN = '/api/v1/public/campaign';
const UNITS = '/api/v1/units';
const session = officeSession;
const assignment = {
  suggestionId: id(1),
  title: '高铁站开通夜班公交',
  body: '晚上到站的旅客打不到车，建议开通夜班公交。',
  domain: 'transport',
  scores: null,
  comment: null,
  submittedAt: null,
  actions: { score: true },
};

/** What a working server answers to the paths these pages ask. */
const sensible: Record<string, () => Response> = {
  '/api/v1/auth/session': () => json(session),
  [CAMPAIGN]: () =>
    json(
      publicCampaign({
        domains: [{ code: 'transport', name: '交通出行', description: '' }],
        rubric: [{ code: 'value', name: '价值', weight: 1 }],
        survey: [
          { code: 'wish', text: '您还希望高铁给黔江带来什么？', kind: 'text', options: [], required: true },
        ],
      }),
    ),
  [UNITS]: () => json([sampleTown]),
  '/api/v1/public/suggestions': () => json({ total: 1, items: [publicSuggestion()] }),
  '/api/v1/public/stats': () => unavailable(),
  '/api/v1/ideas/suggestions': () =>
    json({ total: 0, items: [], actions: { screen: true, submitWritten: true, import: false } }),
  '/api/v1/ideas/reviews/mine': () => json({ assigned: 1, done: 0, items: [assignment] }),
  '/api/v1/ideas/reviews/conflicts': () => json([]),
  '/api/v1/ideas/actions': () => json({ items: [], actions: { adopt: true } }),
  '/api/v1/business/survey-questions': () => json([]),
  '/api/v1/business/projects': () =>
    json({ items: [], total: 0, actions: { create: false, setEntities: true } }),
};

/** A server that answers all but `down`, which fails as a server fault would. */
const allBut =
  (down: string) =>
  async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === down) return unavailable();
    return sensible[path]?.() ?? unavailable();
  };

/** A retry is shown, and it is the one for the load that failed: pressed, the choices come. */
async function expectRetry(title: string) {
  const alert = (await screen.findByText(title, {}, { timeout: 10_000 })).closest('[role=alert]');
  expect(alert).toBeTruthy();
  expect(within(alert as HTMLElement).getByTestId('load-retry')).toBeTruthy();
  return alert as HTMLElement;
}

const plain: Array<[string, string, ComponentType, string, string]> = [
  ['the domain picker of /ideas', '/ideas', BrowsePage, CAMPAIGN, '领域列表加载失败，暂时无法选择领域'],
  ['the town picker of /ideas', '/ideas', BrowsePage, UNITS, '镇街列表加载失败，暂时无法选择所在镇街'],
  [
    'the domain picker of the submit form',
    '/ideas/submit',
    SubmitPage,
    CAMPAIGN,
    '领域列表加载失败，暂时无法选择领域',
  ],
  ['the campaign on the home page', '/', HomePage, CAMPAIGN, '加载失败，请稍后重试'],
];

describe('a public page whose shared load fails while the rest loads', () => {
  it.each(plain)('%s says so, with a plain retry', async (_, path, Page, down, title) => {
    renderRoute(path, Page, allBut(down));
    const alert = await expectRetry(title);
    const retry = within(alert).getByTestId('load-retry');
    expect(retry.tagName).toBe('BUTTON');
    expect(retry.className).not.toContain('ant-');
  });

  it('/ideas offers the domains once a retry succeeds', async () => {
    let up = false;
    renderRoute('/ideas', BrowsePage, async (request) =>
      up ? allBut('')(request) : allBut(CAMPAIGN)(request),
    );
    const alert = await expectRetry('领域列表加载失败，暂时无法选择领域');
    up = true;
    fireEvent.click(within(alert).getByTestId('load-retry'));
    expect(await screen.findByRole('option', { name: '交通出行' })).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});

describe('a console page whose shared load fails while the rest loads', () => {
  it('the survey says the campaign failed, not grey bars for ever', async () => {
    renderRoute('/ideas/survey', SurveyPage, allBut(CAMPAIGN));
    await expectRetry('加载失败，请稍后重试');
    expect(document.querySelector('.ant-skeleton')).toBeNull();
  });

  it('the survey’s town picker says the towns failed', async () => {
    renderRoute('/ideas/survey', SurveyPage, allBut(UNITS));
    await expectRetry('加载失败，请稍后重试');
    expect(screen.getByText('您还希望高铁给黔江带来什么？')).toBeTruthy();
  });

  it('the screening page’s domain filter says the campaign failed', async () => {
    renderRoute('/admin/ideas/screening', ScreeningPage, allBut(CAMPAIGN));
    fireEvent.mouseDown(await screen.findByLabelText('领域'));
    await expectRetry('加载失败，请稍后重试');
  });

  it('the screening page’s town filter says the towns failed', async () => {
    renderRoute('/admin/ideas/screening', ScreeningPage, allBut(UNITS));
    fireEvent.mouseDown(await screen.findByLabelText('所在镇街'));
    await expectRetry('加载失败，请稍后重试');
  });

  it.each([CAMPAIGN, UNITS])('the written entry says %s failed, above its picker', async (down) => {
    renderRoute('/admin/ideas', () => <WrittenEntry onCreated={() => {}} />, allBut(down));
    fireEvent.click(screen.getByTestId('written-entry'));
    await expectRetry('加载失败，请稍后重试');
  });

  it('the review page says the campaign failed once an item is picked, not “pick an item”', async () => {
    renderRoute('/admin/ideas/reviews', ReviewPage, allBut(CAMPAIGN));
    fireEvent.click(await screen.findByTestId('review-item'));
    await expectRetry('加载失败，请稍后重试');
    expect(screen.queryByText('请从左侧选择一条建议')).toBeNull();
  });

  it('an expert’s conflicts say the units failed', async () => {
    renderRoute('/admin/ideas', () => <ConflictsCard onChanged={() => {}} />, allBut(UNITS));
    await expectRetry('加载失败，请稍后重试');
  });

  it('the adopt form’s owner picker says the units failed', async () => {
    renderRoute('/admin/ideas/actions', AdoptionPage, allBut(UNITS));
    fireEvent.click(await screen.findByTestId('adopt-open'));
    await expectRetry('加载失败，请稍后重试');
  });

  it('a survey’s departments say the units failed', async () => {
    renderRoute(
      '/admin/business',
      () => <SurveyFormModal survey="new" onClose={() => {}} onSaved={() => {}} />,
      allBut(UNITS),
    );
    await expectRetry('加载失败，请稍后重试');
  });

  it('the investment dashboard says why the entities form is missing', async () => {
    renderRoute('/admin/business/investment', InvestmentDashboardPage, allBut('/api/v1/business/projects'));
    await expectRetry('市场主体填报表加载失败');
  });
});
