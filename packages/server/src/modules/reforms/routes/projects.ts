import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, NoContent, signedInRouter } from '../../../http/route-helpers.js';
import { readXlsxUpload, xlsxBody, xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { correctProgress } from '../commands/correctProgress.js';
import { createProject } from '../commands/createProject.js';
import { deleteProject } from '../commands/deleteProject.js';
import { importProjects } from '../commands/importProjects.js';
import { saveMilestones } from '../commands/saveMilestones.js';
import { updateProject } from '../commands/updateProject.js';
import {
  ReformImportReport,
  ReformLedgerFilters,
  ReformMilestonesInput,
  ReformProject,
  ReformProjectDeleteInput,
  ReformProjectInput,
  ReformProjectPage,
  ReformProjectPatch,
  ReformProjectQuery,
} from '../contracts.js';
import { MilestoneParam, ReformProgressCorrectionInput } from '../contracts-history.js';
import { ledgerFileName, ledgerTemplate } from '../excel.js';
import { exportLedger } from '../queries/export.js';
import { getProject, listProjects } from '../queries/projects.js';

const tags = ['reforms'];

const r = {
  list: createRoute({
    method: 'get',
    path: '/reforms/projects',
    operationId: 'reformProject.list',
    tags,
    request: { query: ReformProjectQuery },
    responses: { 200: jsonOk(ReformProjectPage), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/reforms/projects/export',
    operationId: 'reformProject.export',
    tags,
    request: { query: ReformLedgerFilters },
    responses: { 200: xlsxContent, ...errors },
  }),
  template: createRoute({
    method: 'get',
    path: '/reforms/projects/template',
    operationId: 'reformProject.template',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
  import: createRoute({
    method: 'post',
    path: '/reforms/projects/import',
    operationId: 'reformProject.import',
    tags,
    request: xlsxBody,
    responses: { 200: jsonOk(ReformImportReport), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/reforms/projects',
    operationId: 'reformProject.create',
    tags,
    request: jsonBody(ReformProjectInput),
    responses: { 201: jsonOk(ReformProject, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/reforms/projects/{id}',
    operationId: 'reformProject.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(ReformProject), ...errors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/reforms/projects/{id}',
    operationId: 'reformProject.update',
    tags,
    request: { params: IdParam, ...jsonBody(ReformProjectPatch) },
    responses: { 200: jsonOk(ReformProject), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/reforms/projects/{id}',
    operationId: 'reformProject.delete',
    tags,
    // Optional: a project taken up from citizens' suggestions needs a reason, others none.
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: ReformProjectDeleteInput } }, required: false },
    },
    responses: { 204: NoContent, ...errors },
  }),
  milestones: createRoute({
    method: 'put',
    path: '/reforms/projects/{id}/milestones',
    operationId: 'reformMilestone.save',
    tags,
    request: { params: IdParam, ...jsonBody(ReformMilestonesInput) },
    responses: { 200: jsonOk(ReformProject), ...errors },
  }),
  correct: createRoute({
    method: 'post',
    path: '/reforms/projects/{id}/milestones/{milestoneId}/correction',
    operationId: 'reformMilestone.correct',
    tags,
    request: { params: MilestoneParam, ...jsonBody(ReformProgressCorrectionInput) },
    responses: { 200: jsonOk(ReformProject), ...errors },
  }),
};

/** The ledger of projects with their milestones, and its spreadsheet in and out. */
export const projectsRouter = signedInRouter([
  '/reforms/projects',
  '/reforms/projects/:id',
  '/reforms/projects/:id/milestones',
  '/reforms/projects/:id/milestones/:milestoneId/correction',
])
  .openapi(r.list, async (c) => c.json(await listProjects(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.export, async (c) => {
    const ctx = c.get('ctx');
    return xlsxResponse(c, await exportLedger(ctx, c.req.valid('query')), ledgerFileName('ledger'));
  })
  .openapi(r.template, async (c) => {
    const ctx = c.get('ctx');
    return xlsxResponse(c, await ledgerTemplate(ctx), ledgerFileName('template'));
  })
  .openapi(r.import, async (c) => c.json(await importProjects(c.get('ctx'), () => readXlsxUpload(c)), 200))
  .openapi(r.create, async (c) => c.json(await createProject(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getProject(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateProject(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.remove, async (c) => {
    await deleteProject(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  })
  .openapi(r.milestones, async (c) =>
    c.json(await saveMilestones(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.correct, async (c) => {
    const { id, milestoneId } = c.req.valid('param');
    return c.json(
      await correctProgress(c.get('ctx'), { projectId: id, milestoneId, body: c.req.valid('json') }),
      200,
    );
  });
