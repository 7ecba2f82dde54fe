import { seededRandom } from '@qianxing/core/random';
import type { ScorecardInput } from '@qianxing/core/scoring';

export interface ScorecardShape {
  units: number;
  indicators: number;
  quarters: number;
  /** Share of indicators each unit plans; 1 = every unit tracks every indicator. */
  planShare: number;
  /** Share of planned values not reported in a quarter. */
  missingShare: number;
  seed: number;
}

/**
 * Synthetic district: departments and towns, indicators of both directions, one catch-up
 * plan per unit with a peer benchmark per item, and actuals drifting towards the targets over
 * the quarters with noise (some reports missing).
 */
export function generateScorecardInput(shape: ScorecardShape): ScorecardInput {
  // Seeded, so every run scores the same data.
  const random = seededRandom(shape.seed);
  const indicators = Array.from({ length: shape.indicators }, (_, i) => ({
    id: `ind-${i + 1}`,
    direction: random() < 0.7 ? ('higher' as const) : ('lower' as const),
  }));
  const units = Array.from({ length: shape.units }, (_, u) => ({
    id: `unit-${u + 1}`,
    category: u < Math.round(shape.units * 0.72) ? 'department' : 'town',
  }));
  const plans: NonNullable<ScorecardInput['plans']> = [];
  for (const unit of units) {
    for (const indicator of indicators) {
      if (random() >= shape.planShare) continue;
      const base = 10 + random() * 990;
      const improve = random() < 0.02 ? 0 : 0.05 + random() * 0.3;
      const sign = indicator.direction === 'higher' ? 1 : -1;
      const target = base * (1 + sign * improve);
      const benchmark = base * (1 + sign * (0.1 + random() * 0.5));
      plans.push({
        unitId: unit.id,
        indicatorId: indicator.id,
        base,
        target,
        benchmark,
        weight: 1 + random(),
      });
    }
  }
  const quarters = Array.from({ length: shape.quarters }, (_, q) => ({
    quarter: `${2024 + Math.floor(q / 4)}Q${(q % 4) + 1}`,
    actuals: plans
      .filter(() => random() >= shape.missingShare)
      .map((item) => {
        const progress = ((q + 1) / shape.quarters) * (0.5 + random() * 0.9);
        return {
          unitId: item.unitId,
          indicatorId: item.indicatorId,
          value: item.base + (item.target - item.base) * progress + (random() - 0.5) * 0.02 * item.base,
        };
      }),
  }));
  return { indicators, units, plans, quarters };
}
