import { createRoute } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRole, hasRoleOver } from '../auth/principal.js';
import { jsonOk, newRouter, z } from '../http/route-helpers.js';
import { defineModule } from '../kernel/module.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { modules } from './registry.js';

/**
 * A new module is its folder and one line of the registry: this one is declared here and added
 * to the list the way `modules/registry.ts` lists the others, and the platform mounts its route,
 * shows its page in the menu of those its rule admits, and documents it — with nothing central
 * edited.
 */
const Greeting = z.object({ text: z.string() }).openapi('ExampleGreeting');
const exampleModule = defineModule({
  name: 'example',
  router: newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/example/greeting',
      operationId: 'example.greet',
      tags: ['example'],
      responses: { 200: jsonOk(Greeting) },
    }),
    (c) => c.json({ text: '你好' }, 200),
  ),
  tables: {},
  menu: [{ path: '/admin/example', label: 'example.menu.greeting', visible: (p) => hasRole(p, 'admin') }],
  abilities: [{ action: 'example.greet', allowed: (p, unitPath) => hasRoleOver(p, 'admin', unitPath) }],
  i18nNamespace: 'example',
});

describe('adding a module', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ modules: [...modules, exampleModule] });
  });
  afterAll(() => t.close());

  it('mounts its routes under /api/v1', async () => {
    const res = await t.client().get<{ text: string }>('/api/v1/example/greeting');
    expect(res).toMatchObject({ status: 200, body: { text: '你好' } });
  });

  it('puts its page in the menu of those its rule admits, and no one else', async () => {
    const office = await t.as('office');
    const screener = await t.as('screener');
    const menuOf = async (c: typeof office) =>
      (await c.get<{ menu: Array<{ path: string }> }>('/api/v1/auth/session')).body.menu.map((m) => m.path);
    expect(await menuOf(office)).toContain('/admin/example');
    expect(await menuOf(screener)).not.toContain('/admin/example');
  });

  it('sends its abilities with the session, scoped to where its rule holds', async () => {
    type Abilities = { abilities: Array<{ action: string; scopes: string[] }> };
    const abilityOf = async (c: Awaited<ReturnType<typeof t.as>>) =>
      (await c.get<Abilities>('/api/v1/auth/session')).body.abilities.find(
        (a) => a.action === 'example.greet',
      );
    expect((await abilityOf(await t.as('office')))?.scopes).toHaveLength(1);
    expect(await abilityOf(await t.as('screener'))).toBeUndefined();
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = await t.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/example/greeting');
  });
});
