import { drawInspections, sha256Hex, verifyDraw } from '@qianxing/core/draw';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { checkDrawable, type FrozenInput } from './queries/draw-input.js';
import { riskLevels } from './schema.js';

const quals = ['A', 'B', 'C'];

/** Pools as the module freezes them: firms by risk, inspectors of two departments, conflicts. */
const frozen: fc.Arbitrary<FrozenInput> = fc
  .record({
    firms: fc.array(fc.constantFrom(...riskLevels), { minLength: 6, maxLength: 40 }),
    inspectors: fc.array(fc.record({ dept: fc.constantFrom('甲局', '乙局'), q: fc.subarray(quals) }), {
      minLength: 2,
      maxLength: 12,
    }),
    conflicts: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }),
    want: fc.record({ high: fc.nat(3), medium: fc.nat(3), low: fc.nat(3) }),
    perVisit: fc.integer({ min: 1, max: 3 }),
    required: fc.subarray(quals, { maxLength: 1 }),
  })
  .map(({ firms, inspectors, conflicts, want, perVisit, required }) => {
    const firmIds = firms.map((_, i) => `f${String(i).padStart(3, '0')}`);
    const inspectorIds = inspectors.map((_, i) => `p${String(i).padStart(3, '0')}`);
    const pairs = new Map(
      conflicts.map(([p, f]) => {
        const pair = {
          inspector: inspectorIds[p % inspectorIds.length]!,
          firm: firmIds[f % firmIds.length]!,
        };
        return [`${pair.inspector}/${pair.firm}`, pair];
      }),
    );
    return {
      firms: firms.map((risk, i) => ({ id: firmIds[i]!, risk })),
      inspectors: inspectors.map((p, i) => ({
        id: inspectorIds[i]!,
        department: p.dept,
        qualifications: p.q,
      })),
      exclusions: [...pairs.values()],
      sample: want,
      inspectorsPerVisit: perVisit,
      qualifications: required,
    };
  });

const seed = fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s.trim().length > 0);

describe('a task the module accepts draws for every seed', () => {
  it('never picks an excluded pair, meets the counts and the qualifications, and reproduces from the revealed seed', () => {
    let drawn = 0;
    fc.assert(
      fc.property(frozen, seed, (input, s) => {
        try {
          checkDrawable(input);
        } catch (error) {
          // Refused tasks are refused as VALIDATION with a reason, never as anything else.
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('VALIDATION');
          return;
        }
        const full = { seed: s, ...input };
        const result = drawInspections(full);
        drawn++;
        expect(result.seedHash).toBe(sha256Hex(s));
        const excluded = new Set(input.exclusions!.map((e) => `${e.inspector}/${e.firm}`));
        const risk = new Map(input.firms.map((f) => [f.id, f.risk]));
        for (const level of riskLevels)
          expect(result.visits.filter((v) => risk.get(v.firm) === level)).toHaveLength(input.sample[level]!);
        expect(new Set(result.visits.map((v) => v.firm)).size).toBe(result.visits.length);
        const held = new Map(input.inspectors.map((p) => [p.id, p.qualifications ?? []]));
        for (const v of result.visits) {
          expect(new Set(v.inspectors).size).toBe(input.inspectorsPerVisit);
          for (const p of v.inspectors) expect(excluded.has(`${p}/${v.firm}`)).toBe(false);
          const team = new Set(v.inspectors.flatMap((p) => held.get(p)!));
          for (const q of input.qualifications ?? []) expect(team.has(q)).toBe(true);
        }
        // Anyone with the published input and seed gets the same draw, and it verifies.
        expect(drawInspections(structuredClone(full))).toEqual(result);
        expect(verifyDraw(JSON.parse(JSON.stringify(full)), JSON.parse(JSON.stringify(result)))).toEqual({
          ok: true,
        });
      }),
      { numRuns: 300 },
    );
    // The pools are such that a good share of the generated tasks is drawn, not only refused.
    expect(drawn).toBeGreaterThan(60);
  });

  it('refuses, before any seed exists, every task that would fail to draw', () => {
    fc.assert(
      fc.property(frozen, seed, (input, s) => {
        // The contract refuses a sample of no firm before a task is stored (empty_sample); the
        // core would draw it, as nothing needs a team, whatever the qualifications.
        fc.pre(riskLevels.some((level) => (input.sample[level] ?? 0) > 0));
        let accepted = true;
        try {
          checkDrawable(input);
        } catch {
          accepted = false;
        }
        let draws = true;
        try {
          drawInspections({ seed: s, ...input });
        } catch {
          draws = false;
        }
        expect(accepted).toBe(draws);
      }),
      { numRuns: 300 },
    );
  });
});
