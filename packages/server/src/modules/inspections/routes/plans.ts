import { createRoute, z } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  Page,
  signedInRouter,
} from '../../../http/route-helpers.js';
import { createPlan } from '../commands/createPlan.js';
import { deletePlan } from '../commands/deletePlan.js';
import { moveVisit } from '../commands/moveVisit.js';
import { publishPlan } from '../commands/publishPlan.js';
import { Figures, FiguresQuery, RectificationPage, RectificationQuery } from '../contracts-figures.js';
import { MyVisit, Plan, PlanBrief, PlanInput, PlanQuery, VisitMove } from '../contracts-plans.js';
import { inspectionFigures } from '../queries/figures.js';
import { myVisits } from '../queries/my-visits.js';
import { getPlan, listPlans } from '../queries/plans.js';
import { listRectifications } from '../queries/rectifications.js';

const tags = ['inspections'];
const VisitParams = z.object({ id: z.uuid(), visitId: z.uuid() });
const r = {
  list: createRoute({
    method: 'get',
    path: '/inspections/plans',
    operationId: 'inspectionPlan.list',
    tags,
    request: { query: PlanQuery },
    responses: { 200: jsonOk(Page(PlanBrief, 'InspectionPlanPage')), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/inspections/plans',
    operationId: 'inspectionPlan.create',
    tags,
    request: jsonBody(PlanInput),
    responses: { 201: jsonOk(Plan, 'Created'), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/inspections/plans/{id}',
    operationId: 'inspectionPlan.read',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/inspections/plans/{id}',
    operationId: 'inspectionPlan.delete',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
  move: createRoute({
    method: 'put',
    path: '/inspections/plans/{id}/visits/{visitId}',
    operationId: 'inspectionPlan.moveVisit',
    tags,
    request: { params: VisitParams, ...jsonBody(VisitMove) },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  publish: createRoute({
    method: 'post',
    path: '/inspections/plans/{id}/publish',
    operationId: 'inspectionPlan.publish',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(Plan), ...errors },
  }),
  figures: createRoute({
    method: 'get',
    path: '/inspections/figures',
    operationId: 'inspectionFigures.read',
    tags,
    request: { query: FiguresQuery },
    responses: { 200: jsonOk(Figures), ...errors },
  }),
  rectifications: createRoute({
    method: 'get',
    path: '/inspections/rectifications',
    operationId: 'inspectionRectification.list',
    tags,
    request: { query: RectificationQuery },
    responses: { 200: jsonOk(RectificationPage), ...errors },
  }),
  mine: createRoute({
    method: 'get',
    path: '/inspections/my-visits',
    operationId: 'inspectionVisit.mine',
    tags,
    responses: { 200: jsonOk(z.array(MyVisit)), ...errors },
  }),
};

/** Joint plans (综合查一次): made from the drawn tasks, adjusted by hand, published to the firms. */
export const plansRouter = signedInRouter([
  '/inspections/plans',
  '/inspections/plans/*',
  '/inspections/my-visits',
  '/inspections/figures',
  '/inspections/rectifications',
])
  .openapi(r.list, async (c) => c.json(await listPlans(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => c.json(await createPlan(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.read, async (c) => c.json(await getPlan(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.remove, async (c) => {
    await deletePlan(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(r.move, async (c) => {
    const { id, visitId } = c.req.valid('param');
    return c.json(await moveVisit(c.get('ctx'), { planId: id, visitId, move: c.req.valid('json') }), 200);
  })
  .openapi(r.publish, async (c) => c.json(await publishPlan(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.mine, async (c) => c.json(await myVisits(c.get('ctx')), 200))
  .openapi(r.rectifications, async (c) =>
    c.json(await listRectifications(c.get('ctx'), c.req.valid('query')), 200),
  )
  .openapi(r.figures, async (c) =>
    c.json(await inspectionFigures(c.get('ctx'), c.req.valid('query').year), 200),
  );
