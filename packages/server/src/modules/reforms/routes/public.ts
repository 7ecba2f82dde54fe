import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonOk, newRouter } from '../../../http/route-helpers.js';
import { PublicReformBattles } from '../contracts-battles.js';
import { PublicReformCase, PublicReformCasePage, PublicReformCaseQuery } from '../contracts-cases.js';
import {
  PublicReformProject,
  PublicReformProjectPage,
  PublicReformProjectQuery,
  PublicReformSummary,
} from '../contracts-public.js';
import { publicBattles } from '../queries/battles.js';
import { publicCase, publicCases } from '../queries/cases.js';
import { publicProject, publicProjects, publicSummary } from '../queries/public.js';

const tags = ['reforms (public)'];

const r = {
  summary: createRoute({
    method: 'get',
    path: '/public/reforms/summary',
    operationId: 'reformsPublic.summary',
    tags,
    responses: { 200: jsonOk(PublicReformSummary), ...errors },
  }),
  projects: createRoute({
    method: 'get',
    path: '/public/reforms/projects',
    operationId: 'reformsPublic.projects',
    tags,
    request: { query: PublicReformProjectQuery },
    responses: { 200: jsonOk(PublicReformProjectPage), ...errors },
  }),
  project: createRoute({
    method: 'get',
    path: '/public/reforms/projects/{id}',
    operationId: 'reformsPublic.project',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(PublicReformProject), ...errors },
  }),
  battles: createRoute({
    method: 'get',
    path: '/public/reforms/battles',
    operationId: 'reformsPublic.battles',
    tags,
    responses: { 200: jsonOk(PublicReformBattles), ...errors },
  }),
  cases: createRoute({
    method: 'get',
    path: '/public/reforms/cases',
    operationId: 'reformsPublic.cases',
    tags,
    request: { query: PublicReformCaseQuery },
    responses: { 200: jsonOk(PublicReformCasePage), ...errors },
  }),
  case: createRoute({
    method: 'get',
    path: '/public/reforms/cases/{id}',
    operationId: 'reformsPublic.case',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(PublicReformCase), ...errors },
  }),
};

/**
 * The reform ledger anyone may read: the lists' progress, the projects and one project's milestones,
 * the key battles on the three-step plan, and the published cases.
 */
export const reformsPublicRouter = newRouter()
  .openapi(r.summary, async (c) => c.json(await publicSummary(c.get('ctx').db), 200))
  .openapi(r.projects, async (c) => c.json(await publicProjects(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(r.project, async (c) => c.json(await publicProject(c.get('ctx').db, c.req.valid('param').id), 200))
  .openapi(r.battles, async (c) => c.json(await publicBattles(c.get('ctx').db), 200))
  .openapi(r.cases, async (c) => c.json(await publicCases(c.get('ctx').db, c.req.valid('query')), 200))
  .openapi(r.case, async (c) => c.json(await publicCase(c.get('ctx').db, c.req.valid('param').id), 200));
