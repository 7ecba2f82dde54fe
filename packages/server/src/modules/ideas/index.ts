import { defineModule } from '../../kernel/module.js';
import { ideaAuditTitles } from './api.js';
import { campaignIdeaDocs } from './operation-docs-campaigns.js';
import { citizenIdeaDocs } from './operation-docs-citizen.js';
import { publicIdeaDocs } from './operation-docs-public.js';
import { selectionIdeaDocs } from './operation-docs-selection.js';
import { staffIdeaDocs } from './operation-docs-staff.js';
import { type IdeaAction, mayEver } from './policy.js';
import { currentCampaign } from './queries/campaigns.js';
import { startHardProblemRefresh } from './queries/hard-problems.js';
import { ideasWaiting } from './queries/waiting.js';
import { ideasRouter } from './routes/index.js';
import * as tables from './schema.js';
import { seedIdeasDemo } from './seed/demo.js';
import { ideasEngine, warmIdeasEngine } from './text/engine.js';
import { indexUnindexedSuggestions } from './text/search-backfill.js';

const may =
  (...actions: IdeaAction[]) =>
  (p: Parameters<typeof mayEver>[0]) =>
    actions.some((action) => mayEver(p, action));

/** 大讨论 · 建言献策: the campaign, from every intake channel to the three top-ten lists and adoption. */
export const ideasModule = defineModule({
  name: 'ideas',
  auditTitles: ideaAuditTitles,
  router: ideasRouter,
  operationDocs: {
    ...publicIdeaDocs,
    ...citizenIdeaDocs,
    ...staffIdeaDocs,
    ...selectionIdeaDocs,
    ...campaignIdeaDocs,
  },
  waiting: ideasWaiting,
  tables,
  // A create or an edit that raced past its own check of the code meets the index: answered as the check would.
  uniqueFields: { idea_campaigns_code_key: 'code' },
  seedDemo: (ctx, seed) => seedIdeasDemo(ctx, undefined, seed.now),
  menu: [
    { path: '/admin/ideas/campaigns', label: 'ideas.menu.campaigns', visible: may('campaign.manage') },
    { path: '/admin/ideas/screening', label: 'ideas.menu.screening', visible: may('suggestion.screen') },
    { path: '/admin/ideas/comments', label: 'ideas.menu.comments', visible: may('suggestion.screen') },
    { path: '/admin/ideas/reviews', label: 'ideas.menu.reviews', visible: may('review.score') },
    // The shortlist is the organisers' too (their own towns); results and lists are the office's.
    {
      path: '/admin/ideas/selection',
      label: 'ideas.menu.selection',
      visible: may('review.shortlist', 'review.manage', 'list.manage'),
    },
    { path: '/admin/ideas/actions', label: 'ideas.menu.actions', visible: may('action.progress') },
    { path: '/admin/ideas/events', label: 'ideas.menu.events', visible: may('event.manage') },
    { path: '/admin/ideas/dashboard', label: 'ideas.menu.dashboard', visible: may('suggestion.screen') },
    { path: '/admin/ideas/survey', label: 'ideas.menu.survey', visible: may('suggestion.screen') },
    // Not a console page: 我的建议 on the public site, a citizen's or a firm's own.
    { path: '/ideas/mine', label: 'ideas.menu.mine', visible: may('mine.read') },
  ],
  i18nNamespace: 'ideas',
  // What a page paints first comes with its HTML, not after its scripts: the home page's
  // counters, the first page of suggestions (as BrowsePage asks for it), a suggestion.
  preloads: {
    '/': ['/api/v1/public/stats', '/api/v1/public/campaign'],
    '/ideas': ['/api/v1/public/suggestions?page=1&pageSize=10', '/api/v1/public/campaign', '/api/v1/units'],
    '/ideas/:id': ['/api/v1/public/suggestions/:id', '/api/v1/public/campaign'],
  },
  // The near-duplicate index and classifier are built in the background at start-up.
  // So are the hard-problem clusters, and again whenever the suggestions change.
  // Rows written before the word search get their search words (none after the first start).
  start: (db, onError) => {
    ideasEngine.attach(db);
    void warmIdeasEngine(db).catch(onError);
    void indexUnindexedSuggestions(db).catch(onError);
    const stopRefresh = startHardProblemRefresh(
      db,
      async () => (await currentCampaign(db).catch(() => null))?.id ?? null,
      onError,
    );
    return async () => {
      stopRefresh();
      await ideasEngine.detach(db);
    };
  },
});
