import type { Page } from 'playwright-core';

/** The pages the accessibility browser test opens; `:name` parts are filled from the demo. */

/** The public site, as citizens and firms meet it; `:id` and `:code` are filled from the demo. */
export const publicPages = [
  '/',
  '/ideas',
  // A search: the results' found words are marked.
  `/ideas?q=${encodeURIComponent('高铁站公交接驳')}`,
  '/ideas/:id',
  '/ideas/submit',
  '/ideas/track/:code',
  '/ideas/lists',
  '/ideas/actions',
  '/ideas/survey',
  '/ideas/stats',
  '/targets/leaderboard',
  '/reforms',
  '/reforms/:project',
  // An adopted suggestion that became a project (采纳转化), and that project.
  '/ideas/:adopted',
  '/reforms/:linked',
  '/reforms/battles',
  '/reforms/cases',
  '/reforms/cases/:case',
  '/reforms/learning',
  '/audit/checkpoints',
  '/login',
  '/register',
  '/recover',
  '/inspections/draws',
  '/inspections/results',
  '/business/scorecard',
  '/business/surveys',
  '/business/surveys/:closed',
  '/business/surveys/:survey/answer',
];

/** The console pages staff use most, each opened by the office's administrator. */
export const consolePages = [
  '/admin',
  '/admin/ideas/screening',
  '/admin/ideas/campaigns',
  '/admin/ideas/dashboard',
  '/admin/ideas/comments',
  '/admin/ideas/selection',
  '/admin/ideas/actions',
  '/admin/ideas/events',
  // A 走出去 event with its attendees, minutes and the suggestions collected there.
  '/admin/ideas/events/:event',
  '/admin/ideas/survey',
  '/admin/audit',
  '/admin/targets/indicators',
  '/admin/targets/plans',
  // A unit's yearly plan in its editor: one row of inputs per indicator.
  '/admin/targets/plans/:plan',
  '/admin/targets/reports',
  '/admin/targets/reports/:report',
  '/admin/targets/scorecards',
  '/admin/targets/regional',
  '/admin/units',
  // The working-day calendar: the years built in and those the office loaded.
  '/admin/calendar',
  '/admin/users',
  '/admin/reforms/projects',
  '/admin/reforms/projects/:project',
  '/admin/reforms/reports',
  '/admin/reforms/lists',
  '/admin/reforms/battles',
  '/admin/reforms/cases',
  '/admin/reforms/learning',
  '/admin/reforms/learning?tab=sessions',
  '/admin/reforms/learning/visits/:visit',
  '/admin/business/firms',
  '/admin/business/requests',
  '/admin/business/supervision',
  '/admin/business/liaison',
  '/admin/business/surveys',
  '/admin/business/projects',
  '/admin/business/investment',
  '/admin/inspections/tasks',
  '/admin/inspections/plans',
  '/admin/inspections/items',
  '/admin/inspections/inspectors',
  '/admin/inspections/firms',
];

/** The demo's records that the pages' `:name` parts stand for, each file reading those it opens. */
export const demoIds = {
  id: '',
  code: '',
  project: '',
  report: '',
  plan: '',
  survey: '',
  closed: '',
  case: '',
  visit: '',
  adopted: '',
  linked: '',
  event: '',
};
export type DemoIds = typeof demoIds;

/** A page's path with its `:name` part filled from `ids`. */
export const fillPath = (path: string, ids: DemoIds) =>
  path.replace(
    /:(id|code|project|report|plan|survey|closed|case|visit|adopted|linked|event)/,
    (_, k: keyof DemoIds) => ids[k],
  );

/**
 * Reads, from the public API in `page` (open on the server), the demo's records the public pages
 * show, and sends a suggestion for the tracking page's code.
 */
export function publicIds(page: Page): Promise<Partial<DemoIds>> {
  return page.evaluate(async () => {
    const get = async (p: string) => (await fetch(p)).json();
    const [recent] = (await get('/api/v1/public/suggestions/recent?limit=1')) as Array<{ id: string }>;
    const projects = (await get('/api/v1/public/reforms/projects?pageSize=1')) as {
      items: Array<{ id: string }>;
    };
    const cases = (await get('/api/v1/public/reforms/cases?pageSize=1')) as {
      items: Array<{ id: string }>;
    };
    const learning = (await get('/api/v1/public/reforms/learning')) as { visits: Array<{ id: string }> };
    const surveys = (await get('/api/v1/public/business/surveys')) as Record<
      'open' | 'closed',
      Array<{ id: string }>
    >;
    const units = (await get('/api/v1/units')) as Array<{ id: string; kind: string }>;
    const town = units.find((u) => u.kind === 'town' || u.kind === 'subdistrict')!;
    const session = (await get('/api/v1/auth/session')) as { csrfToken: string };
    const res = await fetch('/api/v1/public/suggestions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({
        title: '无障碍检查用的建议',
        body: '希望公共网站的每个页面都能被读屏软件和键盘顺利使用。',
        townId: town.id,
        authorKind: 'resident',
      }),
    });
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    const adopted = (await get('/api/v1/public/suggestions?status=adopted&pageSize=50')) as {
      items: Array<{ id: string }>;
    };
    let linked = { adopted: '', linked: '' };
    for (const s of adopted.items) {
      const reforms = (await get(`/api/v1/public/reforms/suggestions/${s.id}`)) as {
        projects: Array<{ id: string }>;
      };
      if (reforms.projects[0]) {
        linked = { adopted: s.id, linked: reforms.projects[0].id };
        break;
      }
    }
    return {
      id: recent!.id,
      project: projects.items[0]!.id,
      code: trackingCode,
      survey: surveys.open[0]!.id,
      closed: surveys.closed[0]!.id,
      case: cases.items[0]!.id,
      visit: learning.visits[0]!.id,
      ...linked,
    };
  });
}

/**
 * Reads, in `page` signed in as the office, a demo quarterly report, for the report form; a demo
 * 走出去 event that collected suggestions; a unit's plan with indicators, for the plan editor.
 */
export function consoleIds(page: Page): Promise<Partial<DemoIds>> {
  return page.evaluate(async () => {
    const list = (await (await fetch('/api/v1/targets/reports')).json()) as {
      items: Array<{ id: string }>;
    };
    const events = (await (await fetch('/api/v1/ideas/events')).json()) as {
      items: Array<{ id: string; kind: string; suggestionIds: string[] }>;
    };
    const event = events.items.find((e) => e.kind === 'going_out' && e.suggestionIds.length > 0)!;
    const plans = (await (await fetch('/api/v1/targets/plans')).json()) as Array<{
      id: string;
      itemCount: number;
    }>;
    const plan = plans.find((p) => p.itemCount > 0) ?? plans[0]!;
    return { report: list.items[0]!.id, event: event.id, plan: plan.id };
  });
}
