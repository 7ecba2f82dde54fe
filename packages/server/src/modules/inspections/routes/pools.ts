import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  Page,
  signedInRouter,
} from '../../../http/route-helpers.js';
import { deleteItem } from '../commands/deleteItem.js';
import { createInspector, updateInspector } from '../commands/saveInspector.js';
import { createItem, updateItem } from '../commands/saveItem.js';
import { setFirmRisk } from '../commands/setFirmRisk.js';
import {
  FirmRisk,
  FirmRiskInput,
  FirmRiskPage,
  FirmRiskQuery,
  InspectionItem,
  InspectionItemInput,
  InspectionItemPatch,
  Inspector,
  InspectorInput,
  InspectorPatch,
  PoolQuery,
  RiskCounts,
} from '../contracts.js';
import { listFirmRisks, riskCounts } from '../queries/firms.js';
import { listInspectors } from '../queries/inspectors.js';
import { listItems } from '../queries/items.js';

const tags = ['inspections'];
const r = {
  items: createRoute({
    method: 'get',
    path: '/inspections/items',
    operationId: 'inspectionItem.list',
    tags,
    request: { query: PoolQuery },
    responses: { 200: jsonOk(Page(InspectionItem, 'InspectionItemPage')), ...errors },
  }),
  createItem: createRoute({
    method: 'post',
    path: '/inspections/items',
    operationId: 'inspectionItem.create',
    tags,
    request: jsonBody(InspectionItemInput),
    responses: { 201: jsonOk(InspectionItem, 'Created'), ...errors },
  }),
  updateItem: createRoute({
    method: 'patch',
    path: '/inspections/items/{id}',
    operationId: 'inspectionItem.update',
    tags,
    request: { params: IdParam, ...jsonBody(InspectionItemPatch) },
    responses: { 200: jsonOk(InspectionItem), ...errors },
  }),
  deleteItem: createRoute({
    method: 'delete',
    path: '/inspections/items/{id}',
    operationId: 'inspectionItem.delete',
    tags,
    request: { params: IdParam },
    responses: { 204: NoContent, ...errors },
  }),
  inspectors: createRoute({
    method: 'get',
    path: '/inspections/inspectors',
    operationId: 'inspector.list',
    tags,
    request: { query: PoolQuery },
    responses: { 200: jsonOk(Page(Inspector, 'InspectorPage')), ...errors },
  }),
  createInspector: createRoute({
    method: 'post',
    path: '/inspections/inspectors',
    operationId: 'inspector.create',
    tags,
    request: jsonBody(InspectorInput),
    responses: { 201: jsonOk(Inspector, 'Created'), ...errors },
  }),
  updateInspector: createRoute({
    method: 'patch',
    path: '/inspections/inspectors/{id}',
    operationId: 'inspector.update',
    tags,
    request: { params: IdParam, ...jsonBody(InspectorPatch) },
    responses: { 200: jsonOk(Inspector), ...errors },
  }),
  firms: createRoute({
    method: 'get',
    path: '/inspections/firms',
    operationId: 'inspectionFirm.list',
    tags,
    request: { query: FirmRiskQuery },
    responses: { 200: jsonOk(FirmRiskPage), ...errors },
  }),
  riskCounts: createRoute({
    method: 'get',
    path: '/inspections/firms/risk-counts',
    operationId: 'inspectionFirm.riskCounts',
    tags,
    responses: { 200: jsonOk(RiskCounts.openapi('InspectionRiskCounts')), ...errors },
  }),
  setRisk: createRoute({
    method: 'put',
    path: '/inspections/firms/{id}/risk',
    operationId: 'inspectionFirm.setRisk',
    tags,
    request: { params: IdParam, ...jsonBody(FirmRiskInput) },
    responses: { 200: jsonOk(FirmRisk), ...errors },
  }),
};

/** The lists and pools a draw reads: departments' items, inspectors, firms' risk levels. */
export const poolsRouter = signedInRouter([
  '/inspections/items',
  '/inspections/items/*',
  '/inspections/inspectors',
  '/inspections/inspectors/*',
  '/inspections/firms',
  '/inspections/firms/*',
])
  .openapi(r.items, async (c) => c.json(await listItems(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.createItem, async (c) => c.json(await createItem(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(r.updateItem, async (c) =>
    c.json(await updateItem(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.deleteItem, async (c) => {
    await deleteItem(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(r.inspectors, async (c) => c.json(await listInspectors(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.createInspector, async (c) =>
    c.json(await createInspector(c.get('ctx'), c.req.valid('json')), 201),
  )
  .openapi(r.updateInspector, async (c) =>
    c.json(await updateInspector(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(r.firms, async (c) => c.json(await listFirmRisks(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.riskCounts, async (c) => c.json(await riskCounts(c.get('ctx')), 200))
  .openapi(r.setRisk, async (c) =>
    c.json(await setFirmRisk(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
