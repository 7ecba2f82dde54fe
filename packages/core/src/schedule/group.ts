import { compareIds } from '../draw/stream.js';
import { EPS, type Task } from './model.js';

/** One department's share of a visit: its tasks there, at most maxHoursPerVisit together. */
export interface Part {
  firm: string;
  department: string;
  tasks: Task[];
  hours: number;
}

/** A firm's intended joint visit: at most one part per department. */
export interface Group {
  firm: string;
  parts: Part[];
}

/**
 * Groups one firm's tasks into as few joint visits as its busiest department allows.
 * Departments work side by side, so the visits needed are the most bins any department
 * needs: each department's tasks are packed by first-fit decreasing (hours, then id) into
 * bins of maxHoursPerVisit, and bin k of each department goes to a visit, the heavier bins
 * to the visits with the fewest departments so far, so that teams stay balanced.
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
  const groups: Group[] = Array.from({ length: count }, () => ({ firm, parts: [] }));
  for (const { bins } of binsByDepartment) {
    const free = groups.map((_, i) => i);
    for (const bin of bins) {
      free.sort((a, b) => groups[a]!.parts.length - groups[b]!.parts.length || a - b);
      const target = free.shift()!;
      groups[target]!.parts.push(bin);
    }
  }
  return groups;
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
    const bin = bins.find((b) => b.hours + t.hours <= maxHours + EPS);
    if (bin) {
      bin.tasks.push(t);
      bin.hours += t.hours;
    } else {
      bins.push({ firm, department, tasks: [t], hours: t.hours });
    }
  }
  return bins;
}

/** Σ over firms of ⌈(largest department's hours) ÷ maxHoursPerVisit⌉: no plan has fewer visits. */
export function visitLowerBound(tasks: readonly Task[], maxHours: number): number {
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
