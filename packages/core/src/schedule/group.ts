import { compareIds } from '../draw/stream.js';
import { EPS, overlap, type Task, type Window } from './model.js';

/**
 * One department's share of a visit: its tasks there, at most maxHoursPerVisit together, and
 * the days all of them may take (the overlap of their windows, never empty).
 */
export interface Part extends Window {
  firm: string;
  department: string;
  tasks: Task[];
  hours: number;
}

/** A firm's intended joint visit: at most one part per department, on a day all its parts share. */
export interface Group extends Window {
  firm: string;
  parts: Part[];
}

const meets = (a: Window, b: Window): boolean => {
  const w = overlap(a, b);
  return w.from <= w.to;
};

/**
 * Groups one firm's tasks into as few joint visits as its busiest department allows.
 * Departments work side by side, so the visits needed are the most bins any department
 * needs: each department's tasks are packed by first-fit decreasing (hours, then id) into
 * bins of maxHoursPerVisit, and bin k of each department goes to a visit, the heavier bins
 * to the visits with the fewest departments so far, so that teams stay balanced. Tasks share a
 * bin, and bins a visit, only when their windows share a day; a bin that shares none with any
 * visit left to it opens a visit of its own.
 */
export function groupFirmTasks(firm: string, tasks: readonly Task[], maxHours: number): Group[] {
  const byDepartment = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = byDepartment.get(t.department) ?? [];
    list.push(t);
    byDepartment.set(t.department, list);
  }
  const binsByDepartment = [...byDepartment.entries()].map(([department, list]) => ({
    department,
    bins: packFirstFitDecreasing(firm, department, list, maxHours),
  }));
  binsByDepartment.sort((a, b) => b.bins.length - a.bins.length || compareIds(a.department, b.department));
  const count = binsByDepartment[0]?.bins.length ?? 0;
  const groups: Group[] = Array.from({ length: count }, () => ({
    firm,
    parts: [],
    from: Number.NEGATIVE_INFINITY,
    to: Number.POSITIVE_INFINITY,
  }));
  for (const { bins } of binsByDepartment) {
    const free = groups.map((_, i) => i);
    for (const bin of bins) {
      free.sort((a, b) => groups[a]!.parts.length - groups[b]!.parts.length || a - b);
      const at = free.findIndex((i) => meets(groups[i]!, bin));
      if (at < 0) {
        groups.push({ firm, parts: [bin], from: bin.from, to: bin.to });
        continue;
      }
      const target = groups[free.splice(at, 1)[0]!]!;
      target.parts.push(bin);
      Object.assign(target, overlap(target, bin));
    }
  }
  return groups.filter((g) => g.parts.length > 0);
}

export function packFirstFitDecreasing(
  firm: string,
  department: string,
  tasks: readonly Task[],
  maxHours: number,
): Part[] {
  const order = [...tasks].sort((a, b) => b.hours - a.hours || compareIds(a.id, b.id));
  const bins: Part[] = [];
  for (const t of order) {
    const bin = bins.find((b) => b.hours + t.hours <= maxHours + EPS && meets(b, t));
    if (bin) {
      bin.tasks.push(t);
      bin.hours += t.hours;
      Object.assign(bin, overlap(bin, t));
    } else {
      bins.push({ firm, department, tasks: [t], hours: t.hours, from: t.from, to: t.to });
    }
  }
  return bins;
}

/** Σ over firms of ⌈(largest department's hours) ÷ maxHoursPerVisit⌉: no plan has fewer visits. */
export function visitLowerBound(
  tasks: readonly Pick<Task, 'firm' | 'department' | 'hours'>[],
  maxHours: number,
): number {
  const hours = new Map<string, Map<string, number>>();
  for (const t of tasks) {
    const firm = hours.get(t.firm) ?? new Map<string, number>();
    firm.set(t.department, (firm.get(t.department) ?? 0) + t.hours);
    hours.set(t.firm, firm);
  }
  let bound = 0;
  for (const firm of hours.values()) bound += Math.ceil(Math.max(...firm.values()) / maxHours - EPS);
  return bound;
}
