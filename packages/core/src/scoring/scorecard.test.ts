import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoringInputError } from './errors.js';
import { scorecards } from './scorecard.js';
import { type ScorecardInput, scorecardOutputSchema } from './scorecard-schema.js';
import { expectCompetitionRanks } from './test-arbitraries.js';

const indicators = [
  { id: 'gdp', direction: 'higher' as const },
  { id: 'energy', direction: 'lower' as const },
];

function example(): ScorecardInput {
  return {
    indicators,
    units: [
      { id: 'dev', category: 'department' },
      { id: 'fin', category: 'department' },
      { id: 'town-a', category: 'town' },
      { id: 'idle', category: 'town' },
    ],
    plans: [
      { unitId: 'dev', indicatorId: 'gdp', base: 100, target: 200, benchmark: 250 },
      { unitId: 'dev', indicatorId: 'energy', base: 10, target: 8, weight: 3 },
      { unitId: 'fin', indicatorId: 'gdp', base: 50, target: 60 },
      { unitId: 'town-a', indicatorId: 'gdp', base: 10, target: 20 },
    ],
    quarters: [
      {
        quarter: '2025Q1',
        actuals: [
          { unitId: 'dev', indicatorId: 'gdp', value: 150 },
          { unitId: 'dev', indicatorId: 'energy', value: 9 },
          { unitId: 'fin', indicatorId: 'gdp', value: 59 },
          { unitId: 'town-a', indicatorId: 'gdp', value: 13 },
        ],
      },
      {
        quarter: '2025Q2',
        actuals: [
          { unitId: 'dev', indicatorId: 'gdp', value: 200, benchmark: 400 },
          { unitId: 'fin', indicatorId: 'gdp', value: 56 },
          { unitId: 'town-a', indicatorId: 'gdp', value: 20 },
        ],
      },
    ],
  };
}

describe('scorecards on a hand-checked example', () => {
  const [q1, q2] = scorecards(example()).quarters;

  it('produces output that its own zod schema accepts', () => {
    expect(scorecardOutputSchema.safeParse(scorecards(example())).success).toBe(true);
  });

  it('scores units by weighted, capped gap-closing rates', () => {
    const dev = q1!.units.find((u) => u.unitId === 'dev')!;
    // gdp: (150-100)/(200-100) = 0.5 (weight 1); energy: (9-10)/(8-10) = 0.5 (weight 3).
    expect(dev.items.completion).toEqual([0.5, 0.5]);
    expect(dev.score).toBeCloseTo(50, 12);
    expect(dev.items.catchUp).toEqual([0.6, null]);
    expect(dev.catchUpIndex).toBeCloseTo(0.6, 12);
    expect(q1!.units.find((u) => u.unitId === 'fin')!.score).toBeCloseTo(90, 12);
  });

  it('ranks within each category and lists units without a plan as unscored', () => {
    expect(q1!.units.map((u) => [u.unitId, u.category, u.rank, u.categorySize])).toEqual([
      ['fin', 'department', 1, 2],
      ['dev', 'department', 2, 2],
      ['town-a', 'town', 1, 1],
    ]);
    expect(q1!.unscored).toEqual(['idle']);
  });

  it('counts a missing report as 0 and uses the quarter benchmark over the plan one', () => {
    const dev = q2!.units.find((u) => u.unitId === 'dev')!;
    expect(dev.items.actual).toEqual([200, null]);
    expect(dev.items.completion).toEqual([1, 0]);
    expect(dev.score).toBeCloseTo(25, 12);
    expect(dev.reported).toBe(1);
    expect(dev.items.catchUp).toEqual([0.5, null]);
  });

  it('reports movement since the previous quarter and flags progress', () => {
    const town = q2!.units.find((u) => u.unitId === 'town-a')!;
    expect(town.movement).toEqual({
      newEntrant: false,
      previousRank: 1,
      rankDelta: 0,
      previousScore: 30,
      scoreDelta: 70,
    });
    expect(town.progressed).toBe(true);
    expect(q1!.units.every((u) => u.movement.newEntrant && !u.progressed)).toBe(true);
    const dev = q2!.units.find((u) => u.unitId === 'dev')!;
    expect(dev.tier).toBe('rectify');
    expect(dev.progressed).toBe(false);
  });

  it('leaves missing reports out with missingActual "skip"', () => {
    const input = { ...example(), options: { missingActual: 'skip' as const } };
    const dev = scorecards(input).quarters[1]!.units.find((u) => u.unitId === 'dev')!;
    expect(dev.items.completion).toEqual([1, null]);
    expect(dev.score).toBe(100);
  });
});

describe('scorecards on invalid input', () => {
  it.each([
    [
      'an unknown unit in a plan',
      (i: ScorecardInput) => i.plans!.push({ unitId: 'x', indicatorId: 'gdp', base: 1, target: 2 }),
      'unknown unit',
    ],
    [
      'an unknown indicator in a report',
      (i: ScorecardInput) => i.quarters![0]!.actuals.push({ unitId: 'dev', indicatorId: 'x', value: 1 }),
      'unknown indicator',
    ],
    [
      'a plan item listed twice',
      (i: ScorecardInput) => i.plans!.push({ unitId: 'dev', indicatorId: 'gdp', base: 1, target: 2 }),
      'twice',
    ],
    [
      'two values for one item in a quarter',
      (i: ScorecardInput) => i.quarters![0]!.actuals.push({ unitId: 'dev', indicatorId: 'gdp', value: 1 }),
      'second value',
    ],
    [
      'a unit listed twice',
      (i: ScorecardInput) => i.units!.push({ id: 'dev', category: 'town' }),
      'listed twice',
    ],
    [
      'a non-finite actual',
      (i: ScorecardInput) =>
        i.quarters![0]!.actuals.push({ unitId: 'fin', indicatorId: 'energy', value: Number.NaN }),
      'value',
    ],
    [
      'a cap with min above max',
      (i: ScorecardInput) => Object.assign(i, { options: { completionCap: { min: 2, max: 1 } } }),
      'cap.min',
    ],
  ])('rejects %s', (_, corrupt, message) => {
    const input = example();
    corrupt(input);
    expect(() => scorecards(input)).toThrow(ScoringInputError);
    expect(() => scorecards(input)).toThrow(message);
  });
});

const randomInput: fc.Arbitrary<ScorecardInput> = fc
  .record({
    units: fc.integer({ min: 1, max: 14 }),
    indicators: fc.integer({ min: 1, max: 5 }),
    quarters: fc.integer({ min: 1, max: 4 }),
  })
  .chain((shape) => {
    const cells = shape.units * shape.indicators;
    const value = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: -100, max: 100, noNaN: true }));
    return fc
      .record({
        directions: fc.array(fc.constantFrom('higher' as const, 'lower' as const), {
          minLength: shape.indicators,
          maxLength: shape.indicators,
        }),
        categories: fc.array(fc.constantFrom('department', 'town'), {
          minLength: shape.units,
          maxLength: shape.units,
        }),
        planned: fc.array(fc.boolean(), { minLength: cells, maxLength: cells }),
        base: fc.array(value, { minLength: cells, maxLength: cells }),
        target: fc.array(value, { minLength: cells, maxLength: cells }),
        actual: fc.array(
          fc.array(fc.option(value, { nil: undefined }), { minLength: cells, maxLength: cells }),
          {
            minLength: shape.quarters,
            maxLength: shape.quarters,
          },
        ),
      })
      .map((r): ScorecardInput => {
        const unitIds = r.categories.map((_, u) => `u${u}`);
        const plans = r.planned.flatMap((on, cell) => {
          if (!on) return [];
          const unitId = unitIds[Math.floor(cell / shape.indicators)]!;
          const indicatorId = `i${cell % shape.indicators}`;
          return [
            { unitId, indicatorId, base: r.base[cell]!, target: r.target[cell]!, benchmark: r.base[cell]! },
          ];
        });
        return {
          indicators: r.directions.map((direction, i) => ({ id: `i${i}`, direction })),
          units: r.categories.map((category, u) => ({ id: unitIds[u]!, category })),
          plans,
          quarters: r.actual.map((values, q) => ({
            quarter: `Q${q}`,
            actuals: values.flatMap((v, cell) =>
              v === undefined
                ? []
                : [
                    {
                      unitId: unitIds[Math.floor(cell / shape.indicators)]!,
                      indicatorId: `i${cell % shape.indicators}`,
                      value: v,
                    },
                  ],
            ),
          })),
        };
      });
  });

describe('scorecard properties', () => {
  it('scores lie in 0..100, ranks are competition ranks per category, tiers and movement follow the rules', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const out = scorecards(input);
        let previous = new Map<string, { rank: number; score: number; category: string }>();
        for (const quarter of out.quarters) {
          for (const u of quarter.units) {
            expect(Number.isFinite(u.score)).toBe(true);
            expect(u.score).toBeGreaterThanOrEqual(0);
            expect(u.score).toBeLessThanOrEqual(100);
            for (const c of u.items.completion) if (c !== null) expect(c >= 0 && c <= 1.2).toBe(true);
            const prev = previous.get(u.unitId);
            expect(u.movement.newEntrant).toBe(prev === undefined);
            if (prev && prev.category === u.category) expect(u.movement.rankDelta).toBe(prev.rank - u.rank);
            const progressed = (u.movement.rankDelta ?? 0) >= 3 || (u.movement.scoreDelta ?? 0) >= 5 - 1e-9;
            expect(u.progressed).toBe(!u.movement.newEntrant && progressed);
            if (u.score < 60) expect(u.tier).toBe('rectify');
            if (u.tier === 'advanced')
              expect(u.rank).toBeLessThanOrEqual(Math.floor(0.2 * u.categorySize + 1e-9));
          }
          for (const category of new Set(quarter.units.map((u) => u.category))) {
            const group = quarter.units.filter((u) => u.category === category);
            expect(group.every((u) => u.categorySize === group.length)).toBe(true);
            expectCompetitionRanks(
              group.map((u) => u.score),
              group.map((u) => u.rank),
            );
          }
          previous = new Map(
            quarter.units.map((u) => [u.unitId, { rank: u.rank, score: u.score, category: u.category }]),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
