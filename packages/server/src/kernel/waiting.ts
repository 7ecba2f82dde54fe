import { createRoute } from '@hono/zod-openapi';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors.js';
import { errors, jsonOk, newRouter, requireUser, z } from '../http/route-helpers.js';
import type { ModuleDefinition } from './module.js';

/**
 * One kind of work waiting for the signed-in person (suggestions to screen, reports to review),
 * counted by the module's own rules: only what the person may act on is counted.
 */
export const WaitingItem = z
  .object({
    /** The module's name, which is also its strings' namespace in the web app. */
    module: z.string(),
    /** The i18n key under `<module>.waiting.` that names the kind of work. */
    key: z.string(),
    count: z.number().int().min(0),
    /** Of `count`, how many are past their deadline (in working days), where the work has one. */
    overdue: z.number().int().min(0).optional(),
    /** The web app's page that lists this work, with its filter. */
    path: z.string(),
  })
  .openapi('WaitingItem');
export type WaitingItem = z.infer<typeof WaitingItem>;

/** What a module reports as waiting: kinds with nothing to do are left out. */
export type WaitingCounter = (ctx: ServiceContext) => Promise<Array<Omit<WaitingItem, 'module'>>>;

/**
 * Counts a module's work only when there is a list to count: one that answers FORBIDDEN (the
 * work is not the person's) or NOT_FOUND (no campaign yet) counts nothing, rather than failing
 * the whole overview.
 */
export async function whereListed<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return null;
    throw error;
  }
}

/** Every module's waiting work for the caller, in registry order, the empty kinds left out. */
export async function waitingFor(ctx: ServiceContext, modules: readonly ModuleDefinition[]) {
  const lists = await Promise.all(
    modules.map(async (m) =>
      m.waiting ? (await m.waiting(ctx)).map((w) => ({ module: m.name, ...w })) : [],
    ),
  );
  return lists.flat().filter((w) => w.count > 0);
}

const waiting = createRoute({
  method: 'get',
  path: '/me/waiting',
  operationId: 'me.waiting',
  tags: ['auth'],
  summary: 'What waits for me',
  description:
    'The work waiting for the signed-in person across the modules (suggestions to screen, reviews to score, reports to review or correct, requests to route or answer), each with its count, the overdue among them and the page that lists it. 等我处理的工作：各模块按本人权限计数。',
  responses: { 200: jsonOk(z.object({ items: z.array(WaitingItem) }).openapi('Waiting')), ...errors },
});

export const waitingRouter = (modules: readonly ModuleDefinition[]) =>
  newRouter().openapi(waiting, async (c) => {
    requireUser(c.get('principal'));
    return c.json({ items: await waitingFor(c.get('ctx'), modules) }, 200);
  });
