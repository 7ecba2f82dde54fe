import { ScoringInputError } from './errors.js';
import type { DirectionSign } from './scorecard-rates.js';
import type { ParsedScorecardInput } from './scorecard-schema.js';

/**
 * Plans laid out densely: cell u·I + i holds unit u's plan for indicator i, so each quarter's
 * actuals land in a typed array without per-item objects or string keys in the hot loop.
 */
export interface PlanFrame {
  unitIndex: Map<string, number>;
  indicatorIndex: Map<string, number>;
  indicatorCount: number;
  sign: Int8Array;
  base: Float64Array;
  target: Float64Array;
  /** NaN = no benchmark. */
  benchmark: Float64Array;
  weight: Float64Array;
  /** Per unit, the indicator indices of its plan in the order the plan lists them. */
  planned: Int32Array[];
  lastUnitId: string;
  lastUnit: number;
}

function indexById(items: ReadonlyArray<{ id: string }>, what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new ScoringInputError([`${what} "${item.id}" is listed twice`]);
    index.set(item.id, i);
  });
  return index;
}

export function cellOf(frame: PlanFrame, unitId: string, indicatorId: string, where: string): number {
  // Rows usually arrive grouped by unit: reuse the last unit's index.
  const u = unitId === frame.lastUnitId ? frame.lastUnit : frame.unitIndex.get(unitId);
  if (u === undefined) throw new ScoringInputError([`${where}: unknown unit "${unitId}"`]);
  frame.lastUnitId = unitId;
  frame.lastUnit = u;
  const i = frame.indicatorIndex.get(indicatorId);
  if (i === undefined) throw new ScoringInputError([`${where}: unknown indicator "${indicatorId}"`]);
  return u * frame.indicatorCount + i;
}

export function buildPlanFrame(input: ParsedScorecardInput): PlanFrame {
  const unitIndex = indexById(input.units, 'unit');
  const indicatorIndex = indexById(input.indicators, 'indicator');
  const indicatorCount = input.indicators.length;
  const cells = input.units.length * indicatorCount;
  const frame: PlanFrame = {
    unitIndex,
    indicatorIndex,
    indicatorCount,
    sign: Int8Array.from(input.indicators, (d): DirectionSign => (d.direction === 'higher' ? 1 : -1)),
    base: new Float64Array(cells),
    target: new Float64Array(cells),
    benchmark: new Float64Array(cells).fill(Number.NaN),
    weight: new Float64Array(cells),
    planned: [],
    lastUnitId: '',
    lastUnit: -1,
  };
  const lists: number[][] = input.units.map(() => []);
  input.plans.forEach((item, k) => {
    const cell = cellOf(frame, item.unitId, item.indicatorId, `plans[${k}]`);
    if (frame.weight[cell]! > 0) {
      throw new ScoringInputError([`plans[${k}]: unit "${item.unitId}" plans "${item.indicatorId}" twice`]);
    }
    frame.base[cell] = item.base;
    frame.target[cell] = item.target;
    frame.benchmark[cell] = item.benchmark ?? Number.NaN;
    frame.weight[cell] = item.weight ?? 1;
    lists[Math.floor(cell / indicatorCount)]!.push(cell % indicatorCount);
  });
  frame.planned = lists.map((l) => Int32Array.from(l));
  return frame;
}
