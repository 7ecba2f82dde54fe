// Joint-inspection planner benchmark: npx tsx --conditions=source bench/inspections/run.ts
import { performance } from 'node:perf_hooks';
import { officialCalendar } from '@qianxing/core/calendar';
import { planInspections, validatePlan } from '@qianxing/core/schedule';
import { generateInspections } from './generate.js';
import { planGreedy } from './greedy.js';

const seeds = process.argv.slice(2).map(Number).filter(Number.isFinite);
for (const seed of seeds.length > 0 ? seeds : [20250301, 1, 2]) {
  const input = generateInspections({ seed });
  const t0 = performance.now();
  const plan = planInspections(input);
  const seconds = (performance.now() - t0) / 1000;
  const check = validatePlan(input, plan);
  const greedy = planGreedy(input);
  const greedyCheck = validatePlan(input, greedy);
  const s = plan.summary;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const rows: [string, string][] = [
    ['seed', String(seed)],
    [
      'tasks / firms / inspectors',
      `${input.tasks.length} / ${input.firms?.length} / ${input.inspectors.length}`,
    ],
    ['planning time', `${seconds.toFixed(2)} s (target ≤ 5 s)`],
    ['plan valid (validatePlan)', check.ok ? 'yes' : `NO: ${check.errors.slice(0, 3).join('; ')}`],
    ['visits', String(s.visits)],
    ['lower bound', String(s.lowerBound)],
    ['visits over the lower bound', `${pct(s.visits / s.lowerBound - 1)} (target ≤ 5%)`],
    ['separate visits (one per task)', String(input.tasks.length)],
    ['cut against separate visits', `${pct(1 - s.visits / input.tasks.length)} (about two thirds expected)`],
    ['unscheduled tasks', String(s.unscheduledTasks)],
    ['plain greedy: visits', String(greedy.visits.length)],
    [
      'plain greedy: unscheduled tasks',
      `${greedy.unscheduled.length}${greedyCheck.ok ? '' : ' (INVALID plan)'}`,
    ],
    [
      'unscheduled against greedy',
      greedy.unscheduled.length > 0
        ? `${pct(s.unscheduledTasks / greedy.unscheduled.length)} (target ≤ 10%)`
        : 'greedy leaves none',
    ],
  ];
  const workdays = officialCalendar.workdaysIn(input.period.start, input.period.end);
  const slots = input.inspectors.reduce(
    (n, p) => n + (p.capacityPerDay ?? 2) * workdays.filter((d) => !(p.unavailable ?? []).includes(d)).length,
    0,
  );
  const used = plan.visits.reduce((n, v) => n + v.inspectors.length, 0);
  rows.splice(2, 0, ['inspector slots used / available', `${used} / ${slots} (${pct(used / slots)})`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  const reasons = new Map<string, number>();
  for (const u of plan.unscheduled) reasons.set(u.code, (reasons.get(u.code) ?? 0) + 1);
  if (reasons.size > 0)
    console.log(
      `${'unscheduled by reason'.padEnd(width)}  ${[...reasons].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    );
  console.log('');
}
