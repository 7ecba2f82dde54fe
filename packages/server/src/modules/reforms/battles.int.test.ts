import { battleProgress } from '@qianxing/core/reforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { PublicReformBattles, ReformBattle, ReformBattleList } from './contracts-battles.js';
import type { PublicReformProject } from './contracts-public.js';
import { reformBattlePhases, reformBattleProjects, reformBattles } from './schema.js';
import { auditCount, auditOf, type Problem, refusedInBoth, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'ideas', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

const publicBattles = async () =>
  (await t.client().get<PublicReformBattles>('/api/v1/public/reforms/battles')).body;

/** The rows a refused write must leave as they were, and the audit log's length. */
const snapshot = async () => ({
  battles: (await t.database.db.select().from(reformBattles)).map((b) => `${b.id}:${b.name}`).sort(),
  phases: (await t.database.db.select().from(reformBattlePhases)).map((p) => `${p.id}:${p.endDate}`).sort(),
  links: (await t.database.db.select().from(reformBattleProjects)).length,
  audit: await auditCount(t),
});

describe('key battles on the public site', () => {
  it('shows the plan’s three steps over five years and the ten battles, without signing in', async () => {
    const res = await t.client().get<PublicReformBattles>('/api/v1/public/reforms/battles');
    expect(res.status).toBe(200);
    expect(res.body.plan).toEqual({
      startDate: '2024-01-01',
      steps: [
        { step: 'rise', start: '2024-01-01', end: '2024-12-31' },
        { step: 'momentum', start: '2025-01-01', end: '2026-12-31' },
        { step: 'victory', start: '2027-01-01', end: '2028-12-31' },
      ],
    });
    const names = res.body.battles.map((b) => b.name);
    expect(names).toHaveLength(10);
    expect(names).toContain('高铁站站前广场建设攻坚战');
    expect(names).toContain('新城区建设攻坚战');
    for (const b of res.body.battles) {
      expect(b.phases.length).toBeGreaterThanOrEqual(3);
      expect(b.phases.length).toBeLessThanOrEqual(5);
      expect(b.projects.length).toBeGreaterThan(0);
      expect(b.leadUnit).toMatch(/^区/);
      for (const p of b.phases) expect(p.startDate <= p.endDate).toBe(true);
    }
    // The campaign's adopted suggestions are shared out among the battles.
    expect(res.body.battles.flatMap((b) => b.suggestions).length).toBeGreaterThan(0);
  });

  it('gives each battle the mean of its phases’ and its projects’ progress, projects as the ledger has them', async () => {
    for (const b of (await publicBattles()).battles) {
      const projects = await Promise.all(
        b.projects.map(
          async (p) =>
            (await t.client().get<PublicReformProject>(`/api/v1/public/reforms/projects/${p.id}`)).body
              .progress,
        ),
      );
      expect(b.projects.map((p) => p.progress)).toEqual(projects);
      const parts = [...b.phases.map((p) => p.progress), ...projects];
      expect(Math.abs(b.progress - parts.reduce((s, x) => s + x, 0) / parts.length)).toBeLessThan(1e-9);
      expect(b.progress).toBe(battleProgress({ phases: b.phases.map((p) => p.progress), projects }));
    }
  });
});

describe('the office keeps the battles, lead units read theirs', () => {
  it('creates a battle, saves its phases, links a project and a suggestion, and audits each step', async () => {
    const lead = await unitId(t, 'QJ-D12');
    const created = await office.post<ReformBattle>('/api/v1/reforms/battles', {
      name: '城市夜间经济培育攻坚战',
      goal: '培育夜间消费集聚区3个',
      leadUnitId: lead,
      step: 'momentum',
      sort: 11,
    });
    expect(created.status).toBe(201);
    expect(created.body.progress).toBe(0);
    const id = created.body.id;
    const phased = await office.put<ReformBattle>(`/api/v1/reforms/battles/${id}/phases`, {
      phases: [
        {
          name: '规划布局',
          startDate: '2025-01-01',
          endDate: '2025-06-30',
          target: '选定集聚区',
          progress: 1,
        },
        {
          name: '业态培育',
          startDate: '2025-07-01',
          endDate: '2026-12-31',
          target: '引进商户200家',
          progress: 0.5,
        },
      ],
    });
    expect(phased.status).toBe(200);
    expect(phased.body.phases.map((p) => p.name)).toEqual(['规划布局', '业态培育']);
    expect(phased.body.progress).toBe(0.75);
    const project = (
      await t
        .client()
        .get<{ items: Array<{ id: string; progress: number }> }>(
          '/api/v1/public/reforms/projects?page=1&pageSize=1',
        )
    ).body.items[0]!;
    const linked = await office.post<ReformBattle>(`/api/v1/reforms/battles/${id}/projects`, {
      id: project.id,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.projects.map((p) => p.id)).toEqual([project.id]);
    expect(linked.body.progress).toBeCloseTo((1 + 0.5 + project.progress) / 3, 12);
    // Linking again changes nothing.
    const again = await office.post<ReformBattle>(`/api/v1/reforms/battles/${id}/projects`, {
      id: project.id,
    });
    expect(again.body.projects).toHaveLength(1);
    const adopted = await office.get<Array<{ id: string }>>('/api/v1/reforms/adopted-suggestions');
    expect(adopted.status).toBe(200);
    expect(adopted.body.length).toBeGreaterThan(0);
    const withIdea = await office.post<ReformBattle>(`/api/v1/reforms/battles/${id}/suggestions`, {
      id: adopted.body[0]!.id,
    });
    expect(withIdea.body.suggestions.map((s) => s.id)).toEqual([adopted.body[0]!.id]);
    const off = await office.request<ReformBattle>(
      'DELETE',
      `/api/v1/reforms/battles/${id}/projects/${project.id}`,
    );
    expect(off.body.projects).toEqual([]);
    const renamed = await office.patch<ReformBattle>(`/api/v1/reforms/battles/${id}`, { step: 'victory' });
    expect(renamed.body.step).toBe('victory');
    expect((await auditOf(t, id)).sort()).toEqual(
      [
        'reformBattle.create',
        'reformBattle.savePhases',
        'reformBattle.linkProject',
        'reformBattle.linkProject',
        'reformBattle.linkSuggestion',
        'reformBattle.unlinkProject',
        'reformBattle.update',
      ].sort(),
    );
    expect((await publicBattles()).battles.map((b) => b.name)).toContain('城市夜间经济培育攻坚战');
    // A citizen's suggestion is under it: the office says why (withdraw-battle.int.test.ts).
    expect((await office.request('DELETE', `/api/v1/reforms/battles/${id}`)).status).toBe(400);
    const reason = { reason: '并入营商环境优化攻坚战' };
    expect((await office.request('DELETE', `/api/v1/reforms/battles/${id}`, reason)).status).toBe(204);
    expect((await publicBattles()).battles.map((b) => b.name)).not.toContain('城市夜间经济培育攻坚战');
  });

  it('lets a lead unit read its own battles and change none', async () => {
    const list = await dept.get<ReformBattleList>('/api/v1/reforms/battles');
    expect(list.status).toBe(200);
    expect(list.body.actions.write).toBe(false);
    expect(list.body.battles.map((b) => b.name)).toEqual(['营商环境优化攻坚战']);
    const other = (await publicBattles()).battles.find((b) => b.name === '新城区建设攻坚战')!;
    expect((await dept.get(`/api/v1/reforms/battles/${other.id}`)).status).toBe(404);
    const before = await snapshot();
    const mine = list.body.battles[0]!;
    expect((await dept.patch(`/api/v1/reforms/battles/${mine.id}`, { goal: '改' })).status).toBe(403);
    expect((await dept.put(`/api/v1/reforms/battles/${mine.id}/phases`, { phases: [] })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const all = await office.get<ReformBattleList>('/api/v1/reforms/battles');
    expect(all.body.battles).toHaveLength(10);
    expect(all.body.actions.write).toBe(true);
  });
});

const refused = (
  send: (headers: Record<string, string>) => Promise<{ status: number; body: unknown }>,
  path: string,
  code: string,
) => refusedInBoth(snapshot, send, path, code);

describe('bad input about battles is refused, translated, and writes nothing', () => {
  const battle = async () => (await publicBattles()).battles[0]!;

  it('a phase ending before it starts', async () => {
    const b = await battle();
    await refused(
      (h) =>
        office.request(
          'PUT',
          `/api/v1/reforms/battles/${b.id}/phases`,
          { phases: [{ name: '倒置阶段', startDate: '2026-05-01', endDate: '2026-04-30' }] },
          h,
        ),
      'phases.0.endDate',
      'period_order',
    );
  });

  it('a phase more than done', async () => {
    const b = await battle();
    await refused(
      (h) =>
        office.request(
          'PUT',
          `/api/v1/reforms/battles/${b.id}/phases`,
          { phases: [{ name: '超额阶段', startDate: '2026-01-01', endDate: '2026-04-30', progress: 1.5 }] },
          h,
        ),
      'phases.0.progress',
      'too_big',
    );
  });

  it('an unknown project, a suggestion not adopted, an unknown lead unit', async () => {
    const b = await battle();
    await refused(
      (h) =>
        office.request('POST', `/api/v1/reforms/battles/${b.id}/projects`, { id: crypto.randomUUID() }, h),
      'id',
      'unknown_project',
    );
    await refused(
      (h) =>
        office.request('POST', `/api/v1/reforms/battles/${b.id}/suggestions`, { id: crypto.randomUUID() }, h),
      'id',
      'unknown_suggestion',
    );
    await refused(
      (h) =>
        office.request(
          'POST',
          '/api/v1/reforms/battles',
          { name: '无牵头单位攻坚战', leadUnitId: crypto.randomUUID(), step: 'rise' },
          h,
        ),
      'leadUnitId',
      'unknown_unit',
    );
  });

  it('a second battle of the same name is a conflict', async () => {
    const b = await battle();
    const before = await snapshot();
    const res = await office.post<Problem>('/api/v1/reforms/battles', {
      name: b.name,
      leadUnitId: b.leadUnitId,
      step: 'rise',
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'name', code: 'taken' }));
    expect(await snapshot()).toEqual(before);
  });
});
