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
import { adoptAsProject, adoptIntoBattle, adoptIntoProject } from '../commands/adoptSuggestion.js';
import {
  AdoptAsProjectInput,
  AdoptIntoBattleInput,
  AdoptIntoProjectInput,
  ReformAdoption,
  ReformAdoptionQuery,
  SuggestionReforms,
} from '../contracts-adoption.js';
import { publicSuggestionReforms, searchAdoptions } from '../queries/adoption.js';

const tags = ['reforms'];

const r = {
  search: createRoute({
    method: 'get',
    path: '/reforms/adoptions',
    operationId: 'reformAdoption.list',
    tags,
    request: { query: ReformAdoptionQuery },
    responses: { 200: jsonOk(z.array(ReformAdoption)), ...errors },
  }),
  linkProject: createRoute({
    method: 'post',
    path: '/reforms/adoptions/projects',
    operationId: 'reformAdoption.linkProject',
    tags,
    request: jsonBody(AdoptIntoProjectInput),
    responses: { 201: jsonOk(ReformAdoption, 'Created'), ...errors },
  }),
  createProject: createRoute({
    method: 'post',
    path: '/reforms/adoptions/new-project',
    operationId: 'reformAdoption.createProject',
    tags,
    request: jsonBody(AdoptAsProjectInput),
    responses: { 201: jsonOk(ReformAdoption, 'Created'), ...errors },
  }),
  linkBattle: createRoute({
    method: 'post',
    path: '/reforms/adoptions/battles',
    operationId: 'reformAdoption.linkBattle',
    tags,
    request: jsonBody(AdoptIntoBattleInput),
    responses: { 201: jsonOk(ReformAdoption, 'Created'), ...errors },
  }),
  public: createRoute({
    method: 'get',
    path: '/public/reforms/suggestions/{id}',
    operationId: 'reformsPublic.suggestion',
    tags: ['reforms (public)'],
    request: { params: IdParam },
    responses: { 200: jsonOk(SuggestionReforms), ...errors },
  }),
};

/** Adoption from the campaign (采纳转化): the office makes adopted suggestions projects or battles' tasks. */
export const adoptionRouter = signedInRouter(['/reforms/adoptions', '/reforms/adoptions/*'])
  .openapi(r.search, async (c) => c.json(await searchAdoptions(c.get('ctx'), c.req.valid('query').q), 200))
  .openapi(r.linkProject, async (c) => c.json(await adoptIntoProject(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.createProject, async (c) => c.json(await adoptAsProject(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.linkBattle, async (c) => c.json(await adoptIntoBattle(c.get('ctx'), c.req.valid('json')), 201));

/** What a suggestion became, for its public page: the projects with their progress, the battles. */
export const adoptionPublicRouter = newRouter().openapi(r.public, async (c) =>
  c.json(await publicSuggestionReforms(c.get('ctx').db, c.req.valid('param').id), 200),
);
