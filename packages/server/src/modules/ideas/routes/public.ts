import { createRoute } from '@hono/zod-openapi';
import { primaryOf } from '../../../context.js';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { submitSuggestion } from '../commands/submitSuggestion.js';
import {
  ActionView,
  PublicCampaign,
  PublicSuggestion,
  PublicSuggestionPage,
  RecentItem,
  SimilarInput,
  SimilarResult,
  Stats,
  SubmitResult,
  SubmitSuggestionInput,
  SuggestionQuery,
  TrackResult,
} from '../contracts.js';
import { currentCampaign, intakeOpen } from '../queries/campaigns.js';
import { PublishedList, publicEntryMembers, publicLists } from '../queries/lists-public.js';
import {
  getPublic,
  publicActions,
  recentSuggestions,
  searchPublic,
  similarTo,
  track,
} from '../queries/public.js';
import { campaignStats } from '../queries/stats.js';

const tags = ['ideas (public)'];

const campaign = createRoute({
  method: 'get',
  path: '/public/campaign',
  operationId: 'ideasPublic.campaign',
  tags,
  responses: { 200: jsonOk(PublicCampaign), ...errors },
});
const submit = createRoute({
  method: 'post',
  path: '/public/suggestions',
  operationId: 'ideasPublic.submit',
  tags,
  request: jsonBody(SubmitSuggestionInput),
  responses: { 201: jsonOk(SubmitResult, 'Created'), ...errors },
});
const similar = createRoute({
  method: 'post',
  path: '/public/suggestions/similar',
  operationId: 'ideasPublic.similar',
  tags,
  request: jsonBody(SimilarInput),
  responses: { 200: jsonOk(SimilarResult), ...errors },
});
/**
 * The most of the newest suggestions one request may ask for: a glance, for anyone, unsigned. The
 * site's pages read none (the form asks `similar`, the browse page pages `list`); 5,000 rows to
 * anyone was a read any visitor could repeat at will.
 */
const recentMax = 50;
const recent = createRoute({
  method: 'get',
  path: '/public/suggestions/recent',
  operationId: 'ideasPublic.recent',
  tags,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(recentMax).default(20) }) },
  responses: { 200: jsonOk(z.array(RecentItem)), ...errors },
});
const list = createRoute({
  method: 'get',
  path: '/public/suggestions',
  operationId: 'ideasPublic.list',
  tags,
  request: { query: SuggestionQuery },
  responses: { 200: jsonOk(PublicSuggestionPage), ...errors },
});
const read = createRoute({
  method: 'get',
  path: '/public/suggestions/{id}',
  operationId: 'ideasPublic.read',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonOk(PublicSuggestion), ...errors },
});
const trackRoute = createRoute({
  method: 'get',
  path: '/public/track/{code}',
  operationId: 'ideasPublic.track',
  tags,
  request: {
    params: z.object({
      code: z
        .string()
        .regex(/^[0-9A-Za-z]{10}$/)
        .openapi({ param: { name: 'code', in: 'path' } }),
    }),
  },
  responses: { 200: jsonOk(TrackResult), ...errors },
});
const stats = createRoute({
  method: 'get',
  path: '/public/stats',
  operationId: 'ideasPublic.stats',
  tags,
  responses: { 200: jsonOk(Stats), ...errors },
});
const lists = createRoute({
  method: 'get',
  path: '/public/lists',
  operationId: 'ideasPublic.lists',
  tags,
  responses: { 200: jsonOk(z.array(PublishedList)), ...errors },
});
const entrySuggestions = createRoute({
  method: 'get',
  path: '/public/lists/entries/{id}/suggestions',
  operationId: 'ideasPublic.entrySuggestions',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonOk(z.array(PublicSuggestion)), ...errors },
});
const actions = createRoute({
  method: 'get',
  path: '/public/actions',
  operationId: 'ideasPublic.actions',
  tags,
  responses: { 200: jsonOk(z.array(ActionView)), ...errors },
});

/** The public side of the campaign: no account needed. */
export const ideasPublicRouter = newRouter()
  .openapi(campaign, async (c) => {
    const current = await currentCampaign(c.get('ctx').db);
    return c.json({ ...current, intakeOpen: intakeOpen(current) }, 200);
  })
  .openapi(submit, async (c) => c.json(await submitSuggestion(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(similar, async (c) => c.json(await similarTo(c.get('ctx'), c.req.valid('json').text), 200))
  .openapi(recent, async (c) =>
    c.json(await recentSuggestions(c.get('ctx').db, c.req.valid('query').limit), 200),
  )
  .openapi(list, async (c) => c.json(await searchPublic(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(read, async (c) => c.json(await getPublic(c.get('ctx').db, c.req.valid('param').id), 200))
  .openapi(entrySuggestions, async (c) =>
    c.json(await publicEntryMembers(c.get('ctx').db, c.req.valid('param').id), 200),
  )
  .openapi(trackRoute, async (c) => c.json(await track(c.get('ctx'), c.req.valid('param').code), 200))
  .openapi(stats, async (c) => c.json(await campaignStats(c.get('ctx').db, primaryOf(c.get('ctx'))), 200))
  .openapi(lists, async (c) => c.json(await publicLists(c.get('ctx').db), 200))
  .openapi(actions, async (c) => c.json(await publicActions(c.get('ctx').db), 200));
