import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  newRouter,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { unreadCount } from '../../../kernel/notifications.js';
import { browserId } from '../browser-id.js';
import { claimSuggestion, requestClaimCode } from '../commands/claimSuggestion.js';
import { followSuggestion, unfollowSuggestion } from '../commands/followSuggestion.js';
import { requestSupportCode, supportSuggestion } from '../commands/supportSuggestion.js';
import { SupportResult } from '../contracts.js';
import {
  ClaimCodeInput,
  ClaimInput,
  ClaimResult,
  FollowState,
  MySuggestionPage,
  MySuggestionQuery,
  PhoneCodeInput,
  PhoneCodeSent,
  SupportInput,
} from '../contracts-citizen.js';
import { followState, myFollowing, mySuggestions } from '../queries/mine.js';

const tags = ['ideas (citizens)'];

const r = {
  mine: createRoute({
    method: 'get',
    path: '/me/suggestions',
    operationId: 'ideasMine.suggestions',
    tags,
    request: { query: MySuggestionQuery },
    responses: { 200: jsonOk(MySuggestionPage), ...errors },
  }),
  following: createRoute({
    method: 'get',
    path: '/me/following',
    operationId: 'ideasMine.following',
    tags,
    request: { query: MySuggestionQuery },
    responses: { 200: jsonOk(MySuggestionPage), ...errors },
  }),
  followState: createRoute({
    method: 'get',
    path: '/me/following/{id}',
    operationId: 'ideasMine.followState',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(FollowState), ...errors },
  }),
  follow: createRoute({
    method: 'put',
    path: '/me/following/{id}',
    operationId: 'suggestion.follow',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(FollowState), ...errors },
  }),
  unfollow: createRoute({
    method: 'delete',
    path: '/me/following/{id}',
    operationId: 'suggestion.unfollow',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(FollowState), ...errors },
  }),
  claimCode: createRoute({
    method: 'post',
    path: '/me/suggestions/claim-code',
    operationId: 'ideasMine.claimCode',
    tags,
    request: jsonBody(ClaimCodeInput),
    responses: { 200: jsonOk(PhoneCodeSent), ...errors },
  }),
  claim: createRoute({
    method: 'post',
    path: '/me/suggestions/claim',
    operationId: 'suggestion.claim',
    tags,
    request: jsonBody(ClaimInput),
    responses: { 200: jsonOk(ClaimResult), ...errors },
  }),
  unread: createRoute({
    method: 'get',
    path: '/inbox/unread',
    operationId: 'inbox.unread',
    tags,
    responses: { 200: jsonOk(z.object({ unread: z.number().int() }).openapi('InboxUnread')), ...errors },
  }),
};

const pub = {
  supportCode: createRoute({
    method: 'post',
    path: '/public/suggestions/{id}/support-code',
    operationId: 'ideasPublic.supportCode',
    tags: ['ideas (public)'],
    request: { params: IdParam, ...jsonBody(PhoneCodeInput) },
    responses: { 200: jsonOk(PhoneCodeSent), ...errors },
  }),
  support: createRoute({
    method: 'post',
    path: '/public/suggestions/{id}/support',
    operationId: 'ideasPublic.support',
    tags: ['ideas (public)'],
    request: {
      params: IdParam,
      // Signed in, no body; anonymous, the phone and the code sent to it.
      body: { content: { 'application/json': { schema: SupportInput } }, required: false },
    },
    responses: { 200: jsonOk(SupportResult), ...errors },
  }),
};

/** 我的建议: a citizen's or a firm's own suggestions, those they follow, attaching one; the inbox count. */
export const ideasCitizenRouter = signedInRouter([
  '/me/suggestions',
  '/me/suggestions/claim',
  '/me/suggestions/claim-code',
  '/me/following',
  '/me/following/:id',
  '/inbox/unread',
])
  .openapi(r.mine, async (c) => c.json(await mySuggestions(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.following, async (c) => c.json(await myFollowing(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.followState, async (c) => c.json(await followState(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.follow, async (c) => c.json(await followSuggestion(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.unfollow, async (c) =>
    c.json(await unfollowSuggestion(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(r.claimCode, async (c) => c.json(await requestClaimCode(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.claim, async (c) => c.json(await claimSuggestion(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.unread, async (c) => c.json(await unreadCount(c.get('ctx')), 200));

/** Supporting as one person: a signed-in account, or a phone proven by a code. */
export const ideasSupportRouter = newRouter()
  .openapi(pub.supportCode, async (c) =>
    c.json(await requestSupportCode(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').phone), 200),
  )
  .openapi(pub.support, async (c) => {
    // Without a body (a signed-in support) the validator hands over nothing, or an empty object.
    const body = c.req.valid('json') as Partial<z.infer<typeof SupportInput>> | undefined;
    const proof = body?.phone && body.code ? { phone: body.phone, code: body.code } : undefined;
    return c.json(await supportSuggestion(c.get('ctx'), c.req.valid('param').id, browserId(c), proof), 200);
  });
