import { createRoute } from '@hono/zod-openapi';
import { forbidden } from '../../../errors.js';
import { errors, IdParam, jsonBody, jsonOk, newRouter, z } from '../../../http/route-helpers.js';
import { xlsxMediaType, xlsxResponse } from '../../../http/upload.js';
import { recordFunds, recordStage } from '../commands/project-progress.js';
import { createProject, updateProject } from '../commands/projects.js';
import {
  FundsInput,
  ProjectDetail,
  ProjectInput,
  ProjectList,
  ProjectListQuery,
  ProjectPatch,
  StageInput,
} from '../contracts-projects.js';
import { mayEverProject } from '../policy-projects.js';
import { commissionerCandidates } from '../projects/checks.js';
import { exportProjects } from '../projects/project-sheet.js';
import { listProjects, projectDetail } from '../queries/projects.js';

const tags = ['business'];
const binary = z.string().openapi({ format: 'binary' });
const xlsx = { description: 'An .xlsx workbook', content: { [xlsxMediaType]: { schema: binary } } };
const Commissioner = z.object({ id: z.uuid(), name: z.string() }).openapi('ProjectCommissioner');

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/projects',
    operationId: 'project.list',
    tags,
    request: { query: ProjectListQuery },
    responses: { 200: jsonOk(ProjectList), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/business/projects',
    operationId: 'project.create',
    tags,
    request: jsonBody(ProjectInput),
    responses: { 201: jsonOk(ProjectDetail, 'Created'), ...errors },
  }),
  commissioners: createRoute({
    method: 'get',
    path: '/business/project-commissioners',
    operationId: 'project.commissioners',
    tags,
    responses: { 200: jsonOk(z.array(Commissioner)), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/business/projects/export',
    operationId: 'project.export',
    tags,
    request: { query: ProjectListQuery },
    responses: { 200: xlsx, ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/business/projects/{id}',
    operationId: 'project.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ProjectDetail), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/business/projects/{id}',
    operationId: 'project.update',
    tags,
    request: { params: IdParam, ...jsonBody(ProjectPatch) },
    responses: { 200: jsonOk(ProjectDetail), ...errors },
  }),
  stage: createRoute({
    method: 'post',
    path: '/business/projects/{id}/stages',
    operationId: 'project.recordStage',
    tags,
    request: { params: IdParam, ...jsonBody(StageInput) },
    responses: { 201: jsonOk(ProjectDetail, 'Created'), ...errors },
  }),
  funds: createRoute({
    method: 'post',
    path: '/business/projects/{id}/funds',
    operationId: 'project.recordFunds',
    tags,
    request: { params: IdParam, ...jsonBody(FundsInput) },
    responses: { 201: jsonOk(ProjectDetail, 'Created'), ...errors },
  }),
};

/**
 * 招商引资: the signed projects, filed and kept by the office, their stages and funds recorded by
 * the office or the project's service commissioner, read by supervisors; no firm sees them.
 */
export const projectsRouter = newRouter()
  .openapi(r.list, async (c) => {
    if (!mayEverProject(c.get('ctx').principal, 'project.list')) throw forbidden();
    return c.json(await listProjects(c.get('ctx'), c.req.valid('query')), 200);
  })
  .openapi(r.create, async (c) => {
    const { id } = await createProject.run(c.get('ctx'), c.req.valid('json'));
    return c.json(await projectDetail(c.get('ctx'), id), 201);
  })
  .openapi(r.commissioners, async (c) => {
    if (!mayEverProject(c.get('ctx').principal, 'project.create')) throw forbidden();
    return c.json(await commissionerCandidates(c.get('ctx')), 200);
  })
  // Before the project's own route, which would take `export` for an id.
  .openapi(r.export, async (c) => {
    if (!mayEverProject(c.get('ctx').principal, 'project.list')) throw forbidden();
    const bytes = await exportProjects(c.get('ctx'), c.req.valid('query'));
    return xlsxResponse(c, bytes, { 'zh-CN': '招商引资项目.xlsx', en: 'investment-projects.xlsx' });
  })
  .openapi(r.read, async (c) => c.json(await projectDetail(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) => {
    const id = c.req.valid('param').id;
    await updateProject.run(c.get('ctx'), { id, patch: c.req.valid('json') });
    return c.json(await projectDetail(c.get('ctx'), id), 200);
  })
  .openapi(r.stage, async (c) => {
    const id = c.req.valid('param').id;
    await recordStage.run(c.get('ctx'), { id, entry: c.req.valid('json') });
    return c.json(await projectDetail(c.get('ctx'), id), 201);
  })
  .openapi(r.funds, async (c) => {
    const id = c.req.valid('param').id;
    await recordFunds.run(c.get('ctx'), { id, entry: c.req.valid('json') });
    return c.json(await projectDetail(c.get('ctx'), id), 201);
  });
