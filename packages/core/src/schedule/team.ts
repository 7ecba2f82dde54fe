import { compareIds } from '../draw/stream.js';
import type { Part } from './group.js';
import type { Bookings, Inspector, Task } from './model.js';

/** The inspectors free on `day` who may inspect `firm`. */
export function candidatesOn(b: Bookings, firm: string, day: number): Inspector[] {
  return b.inspectors.filter((p) => b.left(p, day) > 0 && !b.isExcluded(p, firm));
}

/** Whether some team from `candidates` can serve these departments and qualifications. */
export function canServe(
  candidates: readonly Inspector[],
  departments: Iterable<string>,
  qualifications: Iterable<string>,
): boolean {
  for (const d of departments) if (!candidates.some((p) => p.department === d)) return false;
  for (const q of qualifications) if (!candidates.some((p) => p.qualifications.has(q))) return false;
  return true;
}

/** The drawn inspectors of these tasks, each once, in id order. */
export function drawnTeam(tasks: readonly Task[]): string[] {
  return [...new Set(tasks.flatMap((t) => t.team ?? []))].sort(compareIds);
}

/** What the rules ask of the tasks without a drawn team: their departments and qualifications. */
export function openNeeds(parts: readonly Part[]): { departments: string[]; qualifications: string[] } {
  const open = parts.flatMap((p) => p.tasks.filter((t) => !t.team));
  return {
    departments: [...new Set(open.map((t) => t.department))].sort(compareIds),
    qualifications: [...new Set(open.flatMap((t) => t.qualifications))].sort(compareIds),
  };
}

/**
 * Whether a part can be served from the day's candidates: every inspector drawn for its tasks is
 * among them, and its tasks without a drawn team find their department and qualifications there.
 */
export function partServable(candidates: readonly Inspector[], part: Part): boolean {
  const free = new Set(candidates.map((p) => p.id));
  if (!drawnTeam(part.tasks).every((id) => free.has(id))) return false;
  const needs = openNeeds([part]);
  return canServe(candidates, needs.departments, needs.qualifications);
}

/**
 * Picks a team from the day's candidates: the drawn inspectors given, then one inspector per
 * department not yet in it (the department with
 * the fewest candidates first), each covering the most qualifications still missing, then
 * whoever covers what is still missing, then fillers up to `perVisit` from the departments
 * with the most slack, so that scarce departments keep their slots for their own tasks.
 * Ties go to the inspector whose other qualifications are least needed by the visits still to
 * book, then to the one with the most slots left in the period, then to the smaller id.
 * Returns null when the candidates cannot make a team.
 */
export function buildTeam(
  b: Bookings,
  candidates: readonly Inspector[],
  departments: readonly string[],
  qualifications: readonly string[],
  perVisit: number,
  drawn: readonly Inspector[] = [],
): Inspector[] | null {
  const team: Inspector[] = [];
  const inTeam = new Set<number>();
  const missing = new Set(qualifications);
  const take = (p: Inspector): void => {
    team.push(p);
    inTeam.add(p.index);
    for (const q of p.qualifications) missing.delete(q);
  };
  // The drawn inspectors come first and stay: the rules below only add to them.
  for (const p of drawn) if (!inTeam.has(p.index)) take(p);
  const covers = (p: Inspector): number => {
    let n = 0;
    for (const q of p.qualifications) if (missing.has(q)) n++;
    return n;
  };
  const needed = new Set(qualifications);
  const better = (a: Inspector, c: Inspector, primary: (p: Inspector) => number): boolean => {
    const pa = primary(a);
    const pc = primary(c);
    if (pa !== pc) return pa > pc;
    const ra = b.reservedValue(a, needed);
    const rc = b.reservedValue(c, needed);
    if (Math.abs(ra - rc) > 1e-12) return ra < rc;
    const la = b.inspectorLeft[a.index]!;
    const lc = b.inspectorLeft[c.index]!;
    if (la !== lc) return la > lc;
    return compareIds(a.id, c.id) < 0;
  };
  const pick = (pool: readonly Inspector[], primary: (p: Inspector) => number): Inspector | undefined => {
    let best: Inspector | undefined;
    for (const p of pool) if (!inTeam.has(p.index) && (!best || better(p, best, primary))) best = p;
    return best;
  };

  const byDepartment = departments.map((d) => ({ d, pool: candidates.filter((p) => p.department === d) }));
  byDepartment.sort((x, y) => x.pool.length - y.pool.length || compareIds(x.d, y.d));
  for (const { d, pool } of byDepartment) {
    if (team.some((p) => p.department === d)) continue;
    const p = pick(pool, covers);
    if (!p) return null;
    take(p);
  }
  while (missing.size > 0) {
    const p = pick(candidates, (c) => covers(c) * 1e6 + b.slack(c.department));
    if (!p || covers(p) === 0) return null;
    take(p);
  }
  while (team.length < perVisit) {
    const p = pick(candidates, (c) => b.slack(c.department));
    if (!p) return null;
    take(p);
  }
  return team;
}
