import { type Bookings, noWorkingDay, type Task } from './model.js';
import type { UnscheduledCode } from './schema.js';

/**
 * The planner's side of drawn teams (双随机): a task whose draw assigned its inspectors is booked
 * with exactly them, so what keeps it out is always one of them, named.
 */

/** A task with a drawn team: its inspectors must all be on duty, free of conflict, and free on one day. */
export function hopelessDrawn(
  b: Bookings,
  t: Task,
  drawn: readonly string[],
): { code: UnscheduledCode; reason: string; inspectors?: string[] } | undefined {
  const gone = drawn.filter((id) => !b.byId.has(id));
  if (gone.length > 0)
    return {
      code: 'drawn_inspector_inactive',
      reason: `drawn inspector ${gone.join(', ')} is not on duty`,
      inspectors: gone,
    };
  const team = drawn.map((id) => b.byId.get(id)!);
  const excluded = team.filter((p) => b.isExcluded(p, t.firm)).map((p) => p.id);
  if (excluded.length > 0)
    return {
      code: 'drawn_inspector_excluded',
      reason: `drawn inspector ${excluded.join(', ')} may not inspect firm ${t.firm}`,
      inspectors: excluded,
    };
  const days = b.firmDays(t.firm, t);
  if (days.length === 0) return noWorkingDay(t);
  if (days.some((d) => team.every((p) => b.left(p, d) > 0))) return undefined;
  const why = drawnCapacityReason(b, days, drawn);
  return { code: 'drawn_team_unavailable', ...why };
}

/**
 * Which drawn inspectors keep a team off every open day: those free on none of them, or, when
 * each is free on some day but never all on the same one, the whole team.
 */
export function drawnCapacityReason(
  b: Bookings,
  days: readonly number[],
  drawn: readonly string[],
): { reason: string; inspectors: string[] } {
  const team = drawn.map((id) => b.byId.get(id)!);
  const away = team.filter((p) => !days.some((d) => b.left(p, d) > 0)).map((p) => p.id);
  if (away.length > 0)
    return {
      reason: `drawn inspector ${away.join(', ')} is free on none of the firm's ${days.length} open working days`,
      inspectors: away,
    };
  return {
    reason: `the drawn inspectors ${drawn.join(', ')} are never all free on one of the firm's ${days.length} open working days`,
    inspectors: [...drawn],
  };
}
