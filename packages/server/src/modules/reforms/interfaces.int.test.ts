import { projectProgress } from '@qianxing/core/reforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { PublicReformProjectItem, PublicReformSummary } from './contracts-public.js';
import { reformMilestones, reformProjects } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
});
afterAll(() => t.close());

const anyone = () => t.client();

/** Every project of a list (or of all), page by page as a client would read them. */
async function allProjects(list?: string): Promise<PublicReformProjectItem[]> {
  const out: PublicReformProjectItem[] = [];
  for (let page = 1; ; page++) {
    const q = `${list ? `list=${list}&` : ''}page=${page}&pageSize=17`;
    const res = await anyone().get<{ items: PublicReformProjectItem[]; total: number }>(
      `/api/v1/public/reforms/projects?${q}`,
    );
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    if (out.length >= res.body.total || res.body.items.length === 0) return out;
  }
}

describe('the checked public interfaces', () => {
  it('the summary has exactly the documented shape and the district’s numbers, without signing in', async () => {
    const res = await anyone().get<PublicReformSummary>('/api/v1/public/reforms/summary');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['lists', 'pilots', 'projects']);
    expect(res.body.projects).toBe(145);
    expect(res.body.pilots).toEqual({ underway: 19, applying: 6 });
    expect(res.body.lists.map((l) => [l.name, l.projects])).toEqual([
      ['全量化承接国家和市级部署', 68],
      ['现阶段亟须改革攻坚', 57],
      ['具有黔江辨识度的特色改革', 20],
    ]);
    for (const l of res.body.lists) {
      expect(Object.keys(l).sort()).toEqual(['id', 'name', 'percentDone', 'projects']);
      expect(l.percentDone).toBeGreaterThan(0);
      expect(l.percentDone).toBeLessThan(100);
    }
  });

  it('pages the projects with exactly the documented fields, progress in 0..1 and lead units by name', async () => {
    const res = await anyone().get<{ items: PublicReformProjectItem[]; total: number }>(
      '/api/v1/public/reforms/projects?page=2&pageSize=10',
    );
    expect(res.body.total).toBe(145);
    expect(res.body.items).toHaveLength(10);
    for (const p of res.body.items) {
      expect(Object.keys(p).sort()).toEqual([
        'code',
        'id',
        'leadUnit',
        'listId',
        'name',
        'progress',
        'status',
      ]);
      expect(p.progress >= 0 && p.progress <= 1).toBe(true);
      expect(p.leadUnit).toMatch(/^区|办$|局$|委$/);
      expect(['not_started', 'on_track', 'behind', 'completed']).toContain(p.status);
    }
    const all = await allProjects();
    expect(new Set(all.map((p) => p.id)).size).toBe(145);
    const bad = await anyone().get<{ code: string }>('/api/v1/public/reforms/projects?pageSize=0');
    expect(bad.status).toBe(400);
  });

  it('for every list, percentDone is 100 × the mean of its projects’ progress (to 1e-6)', async () => {
    const summary = (await anyone().get<PublicReformSummary>('/api/v1/public/reforms/summary')).body;
    for (const list of summary.lists) {
      const projects = await allProjects(list.id);
      expect(projects).toHaveLength(list.projects);
      expect(projects.every((p) => p.listId === list.id)).toBe(true);
      const mean = projects.reduce((s, p) => s + p.progress, 0) / projects.length;
      expect(Math.abs(list.percentDone - 100 * mean)).toBeLessThan(1e-6);
    }
  });

  it('each project’s progress is Σ weight × done / Σ weight of its milestones in the database', async () => {
    const db = t.database.db;
    const milestones = await db.select().from(reformMilestones);
    const codes = new Map((await db.select().from(reformProjects)).map((p) => [p.id, p.code]));
    expect(milestones.length).toBeGreaterThan(145 * 4 - 1);
    for (const p of await allProjects()) {
      const mine = milestones.filter((m) => m.projectId === p.id);
      const formula =
        mine.reduce((s, m) => s + m.weight * m.done, 0) / mine.reduce((s, m) => s + m.weight, 0);
      expect(Math.abs(p.progress - formula)).toBeLessThan(1e-12);
      expect(p.progress).toBeCloseTo(projectProgress(mine), 12);
      expect(codes.get(p.id)).toBe(p.code);
    }
  });

  it('a project page shows its milestones; an unknown one is not found', async () => {
    const [first] = await allProjects();
    const res = await anyone().get<{ milestones: unknown[]; leadUnit: string }>(
      `/api/v1/public/reforms/projects/${first!.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.milestones.length).toBeGreaterThanOrEqual(4);
    expect(res.body.leadUnit).toBe(first!.leadUnit);
    expect((await anyone().get(`/api/v1/public/reforms/projects/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
