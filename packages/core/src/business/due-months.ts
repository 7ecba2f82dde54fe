import { type WorkCalendar, YearNotCoveredError } from '../calendar/index.js';
import type { ScorecardIssue } from './errors.js';
import type { FirmRequest } from './schema.js';

/**
 * The requests reduced to what a month's scorecard needs, one array entry per request:
 * department number, whether it was answered on time, resolved, and its rating (0 = none).
 * Due dates are computed here once, so any number of months can then be scored.
 */
export interface PreparedRequests {
  /** Department ids, numbered in order of first appearance. */
  departments: string[];
  department: Int32Array;
  onTime: Uint8Array;
  resolved: Uint8Array;
  rating: Uint8Array;
  /** The requests due in each month (`YYYY-MM`), by index. */
  byDueMonth: Map<string, number[]>;
}

/** A due date, or `beyond` when it lies after the calendar's last year, or why it cannot be known. */
type Due = { date: string; month: string } | { beyond: true } | { problem: string };

/**
 * The due date of a request received on `receivedOn`. When counting steps past the last year
 * the calendar has data for, the due date is later than every month a scorecard can be asked
 * for (months must lie in the calendar's years), so the request counts in no month. A year
 * missing before or between covered years leaves the due date unknown: that is refused.
 */
function dueOf(calendar: WorkCalendar, receivedOn: string, workdays: number): Due {
  try {
    const date = calendar.addWorkdays(receivedOn, workdays);
    return { date, month: date.slice(0, 7) };
  } catch (error) {
    if (!(error instanceof YearNotCoveredError)) throw error;
    const last = calendar.years[calendar.years.length - 1];
    if (last !== undefined && error.year > last) return { beyond: true };
    return { problem: error.message };
  }
}

/**
 * Computes every request's due month (its own `dueOn`, or one calendar look-up per distinct
 * receipt date for a request without one) and
 * checks what the schema cannot: ids are unique, an answer is not dated before its request,
 * and the due date can be computed. Returns the problems instead of throwing, so that all of
 * them are reported at once.
 */
export function prepareRequests(
  requests: readonly FirmRequest[],
  deadlineWorkdays: number,
  calendar: WorkCalendar,
): { prepared: PreparedRequests; issues: ScorecardIssue[] } {
  const n = requests.length;
  const issues: ScorecardIssue[] = [];
  const departmentIndex = new Map<string, number>();
  const departments: string[] = [];
  const department = new Int32Array(n);
  const onTime = new Uint8Array(n);
  const resolved = new Uint8Array(n);
  const rating = new Uint8Array(n);
  const byDueMonth = new Map<string, number[]>();
  const dueByReceipt = new Map<string, Due>();
  const firstIndexOfId = new Map<string, number>();

  const issue = (i: number, field: string, message: string) =>
    issues.push({ path: ['requests', i, field], requestId: requests[i]!.id, message });

  for (let i = 0; i < n; i++) {
    const r = requests[i]!;
    const earlier = firstIndexOfId.get(r.id);
    if (earlier === undefined) firstIndexOfId.set(r.id, i);
    else issue(i, 'id', `the same id as requests[${earlier}]`);
    if (r.answeredOn !== null && r.answeredOn < r.receivedOn) {
      issue(i, 'answeredOn', `${r.answeredOn} is before the request was received (${r.receivedOn})`);
    }

    let due: Due | undefined =
      r.dueOn === undefined ? dueByReceipt.get(r.receivedOn) : { date: r.dueOn, month: r.dueOn.slice(0, 7) };
    if (due === undefined) {
      due = dueOf(calendar, r.receivedOn, deadlineWorkdays);
      dueByReceipt.set(r.receivedOn, due);
    }
    if ('problem' in due) {
      issue(i, 'receivedOn', `the due date cannot be computed: ${due.problem}`);
      continue;
    }

    let d = departmentIndex.get(r.department);
    if (d === undefined) {
      d = departments.length;
      departmentIndex.set(r.department, d);
      departments.push(r.department);
    }
    department[i] = d;
    resolved[i] = r.resolved ? 1 : 0;
    rating[i] = r.rating ?? 0;
    if ('beyond' in due) continue;
    // ISO dates compare as text in date order.
    onTime[i] = r.answeredOn !== null && r.answeredOn <= due.date ? 1 : 0;
    const bucket = byDueMonth.get(due.month);
    if (bucket) bucket.push(i);
    else byDueMonth.set(due.month, [i]);
  }
  return { prepared: { departments, department, onTime, resolved, rating, byDueMonth }, issues };
}
