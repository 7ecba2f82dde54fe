import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { PublicDraw } from './contracts-public.js';
import { verifyWithCli } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function allDraws(): Promise<PublicDraw[]> {
  const out: PublicDraw[] = [];
  for (let page = 1; ; page++) {
    const res = await t
      .client()
      .get<{ items: PublicDraw[]; total: number }>(
        `/api/v1/public/inspections/draws?page=${page}&pageSize=4`,
      );
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    if (out.length >= res.body.total || res.body.items.length === 0) return out;
  }
}

describe('GET /api/v1/public/inspections/draws', () => {
  it('pages the draws with exactly the documented fields, without signing in', async () => {
    const res = await t
      .client()
      .get<{ items: PublicDraw[]; total: number }>('/api/v1/public/inspections/draws?page=1&pageSize=2');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
    expect(res.body.total).toBe(6);
    expect(res.body.items).toHaveLength(2);
    for (const d of res.body.items)
      expect(Object.keys(d).sort()).toEqual([
        'announcedAt',
        'drawnAt',
        'id',
        'input',
        'result',
        'seed',
        'seedHash',
        'title',
      ]);
    const bad = await t.client().get<{ code: string }>('/api/v1/public/inspections/draws?pageSize=0');
    expect(bad.status).toBe(400);
  });

  it('holds five drawn draws, one of them joint, and one announced not yet drawn', async () => {
    const draws = await allDraws();
    const drawn = draws.filter((d) => d.drawnAt);
    const pending = draws.filter((d) => !d.drawnAt);
    expect(drawn).toHaveLength(5);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ seed: null, drawnAt: null, result: null });
    expect(pending[0]!.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending[0]!.input).not.toHaveProperty('seed');
    const departments = (d: PublicDraw) =>
      new Set((d.input.inspectors as Array<{ department: string }>).map((p) => p.department)).size;
    expect(drawn.some((d) => departments(d) >= 2)).toBe(true);
  });

  it('every drawn draw is accepted by the real `qianxing verify-draw`, and seedHash = sha256(seed)', async () => {
    const drawn = (await allDraws()).filter((d) => d.drawnAt);
    for (const d of drawn) {
      expect(sha256(d.seed!)).toBe(d.seedHash);
      expect(d.input.seed).toBe(d.seed);
      expect(d.result!.seedHash).toBe(d.seedHash);
      const verdict = verifyWithCli(d.input, d.result);
      expect(verdict.out).toContain('ok');
      expect(verdict.status).toBe(0);
    }
    // And it refuses a result that was changed after the draw.
    const d = drawn[0]!;
    const visits = d.result!.visits as Array<{ firm: string; inspectors: string[] }>;
    const others = (d.input.firms as Array<{ id: string }>)
      .map((f) => f.id)
      .filter((id) => !visits.some((v) => v.firm === id));
    const forged = { ...d.result, visits: [{ ...visits[0]!, firm: others[0]! }, ...visits.slice(1)] };
    expect(verifyWithCli(d.input, forged).status).toBe(1);
  });
});
