import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { createBattle } from '../commands/createBattle.js';
import { deleteBattle } from '../commands/deleteBattle.js';
import { linkBattle } from '../commands/linkBattle.js';
import { saveBattlePhases } from '../commands/saveBattlePhases.js';
import { savePlan } from '../commands/savePlan.js';
import { updateBattle } from '../commands/updateBattle.js';
import {
  AdoptedSuggestion,
  AdoptedSuggestionQuery,
  ReformBattle,
  ReformBattleInput,
  ReformBattleLinkInput,
  ReformBattleList,
  ReformBattlePatch,
  ReformBattlePhasesInput,
  ReformBattleWithdrawInput,
  ReformPlan,
  ReformPlanInput,
} from '../contracts-battles.js';
import { adoptedSuggestions, getBattle, listBattles } from '../queries/battles.js';

const tags = ['reforms'];
const LinkParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  target: z.uuid().openapi({ param: { name: 'target', in: 'path' } }),
});

const withdrawBody = {
  body: { content: { 'application/json': { schema: ReformBattleWithdrawInput } }, required: false },
};

const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/battles',
    operationId: 'reformBattle.list',
    tags,
    responses: { 200: jsonOk(ReformBattleList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/battles',
    operationId: 'reformBattle.create',
    tags,
    request: jsonBody(ReformBattleInput),
    responses: { 201: jsonOk(ReformBattle, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/reforms/battles/{id}',
    operationId: 'reformBattle.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/battles/{id}',
    operationId: 'reformBattle.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReformBattlePatch) },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/reforms/battles/{id}',
    operationId: 'reformBattle.delete',
    tags,
    // Optional: a battle with citizens' suggestions under it needs a reason, others none.
    request: { params: IdParam, ...withdrawBody },
    responses: { 204: NoContent, ...errors },
  }),
  phases: createRoute({
    method: 'put',
    path: '/reforms/battles/{id}/phases',
    operationId: 'reformBattle.savePhases',
    tags,
    request: { params: IdParam, ...jsonBody(ReformBattlePhasesInput) },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  linkProject: createRoute({
    method: 'post',
    path: '/reforms/battles/{id}/projects',
    operationId: 'reformBattle.linkProject',
    tags,
    request: { params: IdParam, ...jsonBody(ReformBattleLinkInput) },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  unlinkProject: createRoute({
    method: 'delete',
    path: '/reforms/battles/{id}/projects/{target}',
    operationId: 'reformBattle.unlinkProject',
    tags,
    request: { params: LinkParams },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  linkSuggestion: createRoute({
    method: 'post',
    path: '/reforms/battles/{id}/suggestions',
    operationId: 'reformBattle.linkSuggestion',
    tags,
    request: { params: IdParam, ...jsonBody(ReformBattleLinkInput) },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  unlinkSuggestion: createRoute({
    method: 'delete',
    path: '/reforms/battles/{id}/suggestions/{target}',
    operationId: 'reformBattle.unlinkSuggestion',
    tags,
    request: { params: LinkParams, ...withdrawBody },
    responses: { 200: jsonOk(ReformBattle), ...errors },
  }),
  adopted: createRoute({
    method: 'get',
    path: '/reforms/adopted-suggestions',
    operationId: 'reformBattle.adoptedSuggestions',
    tags,
    request: { query: AdoptedSuggestionQuery },
    responses: { 200: jsonOk(z.array(AdoptedSuggestion)), ...errors },
  }),
  plan: createRoute({
    method: 'put',
    path: '/reforms/plan',
    operationId: 'reformPlan.save',
    tags,
    request: jsonBody(ReformPlanInput),
    responses: { 200: jsonOk(ReformPlan), ...errors },
  }),
};

/** The key battles (十大攻坚战) and the three-step plan: the office keeps them, lead units read theirs. */
export const battlesRouter = signedInRouter([
  '/reforms/battles',
  '/reforms/battles/*',
  '/reforms/adopted-suggestions',
  '/reforms/plan',
])
  .openapi(r.list, async (c) => c.json(await listBattles(c.get('ctx')), 200))
  .openapi(r.create, async (c) => c.json(await createBattle(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getBattle(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateBattle(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.remove, async (c) => {
    await deleteBattle(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  })
  .openapi(r.phases, async (c) =>
    c.json(await saveBattlePhases(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.linkProject, async (c) =>
    c.json(
      await linkBattle(c.get('ctx'), 'linkProject', c.req.valid('param').id, c.req.valid('json').id),
      200,
    ),
  )
  .openapi(r.unlinkProject, async (c) => {
    const { id, target } = c.req.valid('param');
    return c.json(await linkBattle(c.get('ctx'), 'unlinkProject', id, target), 200);
  })
  .openapi(r.linkSuggestion, async (c) =>
    c.json(
      await linkBattle(c.get('ctx'), 'linkSuggestion', c.req.valid('param').id, c.req.valid('json').id),
      200,
    ),
  )
  .openapi(r.unlinkSuggestion, async (c) => {
    const { id, target } = c.req.valid('param');
    const { reason } = c.req.valid('json') ?? {};
    return c.json(await linkBattle(c.get('ctx'), 'unlinkSuggestion', id, target, reason), 200);
  })
  .openapi(r.adopted, async (c) =>
    c.json(await adoptedSuggestions(c.get('ctx'), c.req.valid('query').q), 200),
  )
  .openapi(r.plan, async (c) => c.json(await savePlan(c.get('ctx'), c.req.valid('json')), 200));
