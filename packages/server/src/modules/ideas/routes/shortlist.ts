import { createRoute } from '@hono/zod-openapi';
import { forbidden } from '../../../errors.js';
import { pickLocale } from '../../../http/problem.js';
import { errors, jsonBody, jsonOk, signedInRouter } from '../../../http/route-helpers.js';
import { xlsxContent, xlsxResponse } from '../../../http/upload.js';
import { applyShortlist } from '../commands/applyShortlist.js';
import { editShortlist } from '../commands/editShortlist.js';
import {
  SelectionActions,
  ShortlistApply,
  ShortlistChange,
  ShortlistEdit,
  ShortlistPage,
  ShortlistQuery,
} from '../contracts-shortlist.js';
import { shortlistPage } from '../queries/shortlist.js';
import { shortlistWorkbook } from '../queries/shortlist-export.js';
import { selectionActions } from '../staff-actions.js';

const tags = ['ideas (review)'];

const r = {
  selection: createRoute({
    method: 'get',
    path: '/ideas/selection',
    operationId: 'selection.actions',
    tags,
    responses: { 200: jsonOk(SelectionActions), ...errors },
  }),
  read: createRoute({
    method: 'get',
    path: '/ideas/shortlist',
    operationId: 'shortlist.read',
    tags,
    request: { query: ShortlistQuery },
    responses: { 200: jsonOk(ShortlistPage), ...errors },
  }),
  apply: createRoute({
    method: 'post',
    path: '/ideas/shortlist/apply',
    operationId: 'shortlist.apply',
    tags,
    request: jsonBody(ShortlistApply),
    responses: { 200: jsonOk(ShortlistChange), ...errors },
  }),
  edit: createRoute({
    method: 'post',
    path: '/ideas/shortlist/edit',
    operationId: 'shortlist.edit',
    tags,
    request: jsonBody(ShortlistEdit),
    responses: { 200: jsonOk(ShortlistChange), ...errors },
  }),
  export: createRoute({
    method: 'get',
    path: '/ideas/shortlist/export',
    operationId: 'shortlist.export',
    tags,
    responses: { 200: xlsxContent, ...errors },
  }),
};

/** The shortlist (入围) the experts review: the proposal by quota, hand edits, a workbook. */
export const ideasShortlistRouter = signedInRouter([
  '/ideas/selection',
  '/ideas/shortlist',
  '/ideas/shortlist/*',
])
  .openapi(r.selection, (c) => {
    const actions = selectionActions(c.get('ctx').principal);
    if (!actions.shortlist && !actions.results && !actions.lists) throw forbidden();
    return c.json(actions, 200);
  })
  .openapi(r.read, async (c) => c.json(await shortlistPage(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(r.apply, async (c) => c.json(await applyShortlist(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.edit, async (c) => c.json(await editShortlist(c.get('ctx'), c.req.valid('json')), 200))
  .openapi(r.export, async (c) =>
    xlsxResponse(c, await shortlistWorkbook(c.get('ctx'), pickLocale(c.req.header('accept-language'))), {
      'zh-CN': '入围名单.xlsx',
      en: 'shortlist.xlsx',
    }),
  );
