import type { WorkCalendar } from '../calendar/index.js';
import { compareIds } from '../draw/stream.js';
import type { ParsedPlanInput, UnscheduledCode } from './schema.js';

export const EPS = 1e-9;

export interface Task {
  id: string;
  department: string;
  firm: string;
  items: string[];
  qualifications: string[];
  hours: number;
  /** The drawn team, when the task has one: the visit takes exactly these inspectors. */
  team?: string[] | undefined;
  /** The task's own period, when it has one (see planTaskSchema). */
  period?: { start: string; end: string } | undefined;
  /** Its days: the working days of the plan's period (by index) within its own period, from–to. */
  from: number;
  to: number;
}

/** A task whose firm has no open working day in the period (and in the task's own, when it has one). */
export function noWorkingDay(t: Task): { code: UnscheduledCode; reason: string } {
  const own = t.period ? ` within the task's period ${t.period.start}–${t.period.end}` : '';
  return {
    code: 'no_working_day',
    reason: `firm ${t.firm} has no unblocked working day in the period${own}`,
  };
}

/** Days by index, from–to inclusive; empty when from > to. */
export interface Window {
  from: number;
  to: number;
}

/** The days two windows share (empty when from > to). */
export const overlap = (a: Window, b: Window): Window => ({
  from: Math.max(a.from, b.from),
  to: Math.min(a.to, b.to),
});

export interface Inspector {
  index: number;
  id: string;
  department: string;
  qualifications: Set<string>;
}

/**
 * The planner's working state: working days of the period, and per inspector per day the
 * visits it can still take; per department, the slots left and the parts still to book.
 */
export class Bookings {
  readonly days: string[];
  readonly inspectors: Inspector[];
  readonly byDepartment = new Map<string, Inspector[]>();
  readonly byId = new Map<string, Inspector>();
  /** remaining[inspector * days + day]: visits the inspector can still take that day. */
  readonly remaining: Int32Array;
  /** Slots left per inspector over the whole period. */
  readonly inspectorLeft: Int32Array;
  /** Slots left per department per day, and over the period. */
  readonly departmentDay = new Map<string, Int32Array>();
  readonly departmentLeft = new Map<string, number>();
  /** Parts (department shares of visits) still to book, per department. */
  readonly departmentDemand = new Map<string, number>();
  /** Per qualification: parts still to book that need it, and slots left of its holders. */
  private readonly qualificationDemand = new Map<string, number>();
  private readonly qualificationSupply = new Map<string, number>();
  private readonly excluded: Set<string>;
  private readonly blocked = new Map<string, Set<string>>();

  constructor(input: ParsedPlanInput, calendar: WorkCalendar) {
    this.days = calendar.workdaysIn(input.period.start, input.period.end);
    const dayIndex = new Map(this.days.map((d, i) => [d, i]));
    const sorted = [...input.inspectors].sort((a, b) => compareIds(a.id, b.id));
    this.inspectors = sorted.map((p, index) => ({
      index,
      id: p.id,
      department: p.department,
      qualifications: new Set(p.qualifications),
    }));
    for (const p of this.inspectors) this.byId.set(p.id, p);
    const D = this.days.length;
    this.remaining = new Int32Array(this.inspectors.length * D);
    this.inspectorLeft = new Int32Array(this.inspectors.length);
    for (const [i, p] of sorted.entries()) {
      const off = new Set(p.unavailable.map((d) => dayIndex.get(d)).filter((d) => d !== undefined));
      const dept = this.inspectors[i]!.department;
      if (!this.departmentDay.has(dept)) {
        this.departmentDay.set(dept, new Int32Array(D));
        this.departmentLeft.set(dept, 0);
        this.byDepartment.set(dept, []);
      }
      this.byDepartment.get(dept)!.push(this.inspectors[i]!);
      const perDay = this.departmentDay.get(dept)!;
      for (let d = 0; d < D; d++) {
        const cap = off.has(d) ? 0 : p.capacityPerDay;
        this.remaining[i * D + d] = cap;
        this.inspectorLeft[i]! += cap;
        perDay[d]! += cap;
        this.departmentLeft.set(dept, this.departmentLeft.get(dept)! + cap);
      }
    }
    for (const p of this.inspectors) {
      for (const q of p.qualifications) {
        this.qualificationSupply.set(
          q,
          (this.qualificationSupply.get(q) ?? 0) + this.inspectorLeft[p.index]!,
        );
      }
    }
    this.excluded = new Set(input.exclusions.map((e) => `${e.inspector}\u0000${e.firm}`));
    for (const f of input.firms) this.blocked.set(f.id, new Set(f.blocked));
  }

  isExcluded(inspector: Inspector, firm: string): boolean {
    return this.excluded.has(`${inspector.id}\u0000${firm}`);
  }

  /**
   * The working days (indexes) of the period on which the firm is not blocked; within a task's
   * or a part's window when given.
   */
  firmDays(firm: string, within?: Window): number[] {
    const blocked = this.blocked.get(firm);
    const out: number[] = [];
    const from = Math.max(0, within?.from ?? 0);
    const to = Math.min(this.days.length - 1, within?.to ?? this.days.length - 1);
    for (let d = from; d <= to; d++) if (!blocked?.has(this.days[d]!)) out.push(d);
    return out;
  }

  /**
   * The window of days (indexes) within both the plan's period and `period`: the first working
   * day on or after its start to the last on or before its end.
   */
  window(period?: { start: string; end: string }): Window {
    if (!period) return { from: 0, to: this.days.length - 1 };
    let from = 0;
    while (from < this.days.length && this.days[from]! < period.start) from++;
    let to = this.days.length - 1;
    while (to >= 0 && this.days[to]! > period.end) to--;
    return { from, to };
  }

  left(inspector: Inspector, day: number): number {
    return this.remaining[inspector.index * this.days.length + day]!;
  }

  /** Department slack: slots left over the period minus parts still to book. */
  slack(department: string): number {
    return (this.departmentLeft.get(department) ?? 0) - (this.departmentDemand.get(department) ?? 0);
  }

  addDemand(department: string, qualifications: Iterable<string>, n: number): void {
    this.departmentDemand.set(department, (this.departmentDemand.get(department) ?? 0) + n);
    for (const q of qualifications)
      this.qualificationDemand.set(q, (this.qualificationDemand.get(q) ?? 0) + n);
  }

  /**
   * How much the other visits still need what this inspector holds beyond `needed`: the sum,
   * over those qualifications, of parts still needing it per slot left among its holders.
   * The team builder spends the inspectors whose extra qualifications are least in demand.
   */
  reservedValue(inspector: Inspector, needed: ReadonlySet<string>): number {
    let value = 0;
    for (const q of inspector.qualifications) {
      if (needed.has(q)) continue;
      value += (this.qualificationDemand.get(q) ?? 0) / Math.max(1, this.qualificationSupply.get(q) ?? 0);
    }
    return value;
  }

  book(inspector: Inspector, day: number): void {
    const k = inspector.index * this.days.length + day;
    if (this.remaining[k]! <= 0) throw new Error(`internal: ${inspector.id} is full on ${this.days[day]}`);
    this.remaining[k]!--;
    this.inspectorLeft[inspector.index]!--;
    this.departmentDay.get(inspector.department)![day]!--;
    this.departmentLeft.set(inspector.department, this.departmentLeft.get(inspector.department)! - 1);
    for (const q of inspector.qualifications)
      this.qualificationSupply.set(q, this.qualificationSupply.get(q)! - 1);
  }

  unbook(inspector: Inspector, day: number): void {
    this.remaining[inspector.index * this.days.length + day]!++;
    this.inspectorLeft[inspector.index]!++;
    this.departmentDay.get(inspector.department)![day]!++;
    this.departmentLeft.set(inspector.department, this.departmentLeft.get(inspector.department)! + 1);
    for (const q of inspector.qualifications)
      this.qualificationSupply.set(q, this.qualificationSupply.get(q)! + 1);
  }
}
