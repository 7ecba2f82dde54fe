import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawError, type DrawInput, drawInspections, sha256Hex, verifyDraw } from './index.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../../test/fixtures/inspections/${name}`, import.meta.url), 'utf8'));

const small = fixture('draw-small.json') as DrawInput;

describe('drawInspections', () => {
  it('gives the worked example of the method document', () => {
    expect(drawInspections(small)).toEqual({
      seedHash: 'f6eb0d1e92bd0772903b47bbbaaaab8416f96472803c546b16942d7756bfc2bc',
      visits: [
        { firm: 'F1', inspectors: ['I5', 'I4'] },
        { firm: 'F3', inspectors: ['I1', 'I3'] },
        { firm: 'F7', inspectors: ['I2', 'I4'] },
        { firm: 'F4', inspectors: ['I1', 'I5'] },
      ],
    });
  });

  it('agrees exactly with the independent Python re-implementation', () => {
    const input = fixture('draw-reference.input.json') as DrawInput;
    expect(drawInspections(input)).toEqual(fixture('draw-reference.result.json'));
  });

  it('does not depend on the order of the pools', () => {
    const shuffled = {
      ...small,
      firms: [...small.firms].reverse(),
      inspectors: [...small.inspectors].reverse(),
    };
    expect(drawInspections(shuffled)).toEqual(drawInspections(small));
  });

  it('changes with the seed', () => {
    expect(drawInspections({ ...small, seed: 'another seed' })).not.toEqual(drawInspections(small));
  });

  it('says which level has too few firms', () => {
    expect(() => drawInspections({ ...small, sample: { high: 4 } })).toThrow(
      /too few firms of risk level "high": 4 to draw, 3 in the pool/,
    );
  });

  it('says which firm has too few eligible inspectors, whatever the seed', () => {
    const exclusions = ['I2', 'I3', 'I4', 'I5'].map((inspector) => ({ inspector, firm: 'F1' }));
    expect(() => drawInspections({ ...small, exclusions: [...small.exclusions!, ...exclusions] })).toThrow(
      /too few eligible inspectors \(need 2 distinct holding fire between them\) for firm F1 \(0 eligible\)/,
    );
    expect(() => drawInspections({ ...small, qualifications: ['drug'] })).toThrow(DrawError);
  });

  it('rejects malformed input', () => {
    expect(() => drawInspections({ ...small, exclusions: [{ inspector: 'I9', firm: 'F1' }] })).toThrow(
      /unknown inspector I9/,
    );
    expect(() => drawInspections({ ...small, firms: [...small.firms, { id: 'F1', risk: 'low' }] })).toThrow(
      /duplicate firm F1/,
    );
  });

  it('caps visits per inspector when asked', () => {
    const result = drawInspections({ ...small, qualifications: [], maxVisitsPerInspector: 2 });
    const counts = new Map<string, number>();
    for (const v of result.visits) for (const p of v.inspectors) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
  });
});

describe('verifyDraw', () => {
  const result = drawInspections(small);
  it('accepts the published result, in any listing order', () => {
    expect(verifyDraw(small, result)).toEqual({ ok: true });
    const reordered = {
      ...result,
      visits: [...result.visits].reverse().map((v) => ({ ...v, inspectors: [...v.inspectors].reverse() })),
    };
    expect(verifyDraw(small, reordered)).toEqual({ ok: true });
  });

  it('says where a result differs', () => {
    const tampered = structuredClone(result);
    tampered.visits[1]!.inspectors = ['I4', 'I5'];
    tampered.visits[2]!.firm = 'F8';
    const v = verifyDraw(small, tampered);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.differences).toEqual([
        'visits[1]: firm F3 has inspectors I4, I5, the draw gives I1, I3',
        'visits[2]: firm F8 was not drawn',
        'firm F7 was drawn but is missing from the result',
      ]);
      expect(v.failed).toEqual(['firms', 'teams']);
    }
    const wrongSeed = verifyDraw({ ...small, seed: 'x' }, result);
    expect(wrongSeed.ok).toBe(false);
    if (!wrongSeed.ok) expect(wrongSeed.failed[0]).toBe('seed');
  });
});

const drawArb = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 20 }),
    firmCount: fc.integer({ min: 1, max: 30 }),
    inspectorCount: fc.integer({ min: 2, max: 15 }),
    perVisit: fc.integer({ min: 1, max: 3 }),
    needFire: fc.boolean(),
    exclusionBits: fc.array(fc.boolean(), { minLength: 450, maxLength: 450 }),
    levels: fc.array(fc.constantFrom('high', 'medium', 'low'), { minLength: 30, maxLength: 30 }),
    quals: fc.array(fc.subarray(['fire', 'food']), { minLength: 15, maxLength: 15 }),
    wantFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r): DrawInput => {
    const firms = Array.from({ length: r.firmCount }, (_, i) => ({ id: `F${i}`, risk: r.levels[i]! }));
    const inspectors = Array.from({ length: r.inspectorCount }, (_, i) => ({
      id: `I${i}`,
      department: `D${i % 3}`,
      qualifications: r.quals[i]!,
    }));
    const exclusions = firms.flatMap((f, fi) =>
      inspectors
        .filter((_, ii) => r.exclusionBits[fi * 15 + ii] && (fi + ii) % 4 === 0)
        .map((p) => ({ inspector: p.id, firm: f.id })),
    );
    const sample: Record<string, number> = {};
    for (const level of ['high', 'medium', 'low']) {
      sample[level] = Math.floor(firms.filter((f) => f.risk === level).length * r.wantFraction);
    }
    return {
      seed: r.seed,
      firms,
      inspectors,
      exclusions,
      sample,
      inspectorsPerVisit: r.perVisit,
      qualifications: r.needFire ? ['fire'] : [],
    };
  });

describe('draw properties', () => {
  it('never uses an excluded pair, meets the counts and the qualifications, and is reproduced from the seed', () => {
    let drawn = 0;
    fc.assert(
      fc.property(drawArb, (input) => {
        let result: ReturnType<typeof drawInspections>;
        try {
          result = drawInspections(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DrawError);
          return;
        }
        drawn++;
        const excluded = new Set(input.exclusions!.map((e) => `${e.inspector}|${e.firm}`));
        const risk = new Map(input.firms.map((f) => [f.id, f.risk]));
        const quals = new Map(input.inspectors.map((p) => [p.id, p.qualifications ?? []]));
        expect(result.seedHash).toBe(sha256Hex(input.seed));
        expect(new Set(result.visits.map((v) => v.firm)).size).toBe(result.visits.length);
        for (const [level, count] of Object.entries(input.sample)) {
          expect(result.visits.filter((v) => risk.get(v.firm) === level)).toHaveLength(count);
        }
        for (const v of result.visits) {
          expect(new Set(v.inspectors).size).toBe(input.inspectorsPerVisit);
          for (const p of v.inspectors) expect(excluded.has(`${p}|${v.firm}`)).toBe(false);
          for (const q of input.qualifications ?? [])
            expect(v.inspectors.some((p) => quals.get(p)!.includes(q))).toBe(true);
        }
        expect(drawInspections(structuredClone(input))).toEqual(result);
        expect(verifyDraw(input, result)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
    expect(drawn).toBeGreaterThan(100);
  });
});
