import { dueAfter } from '../../../kernel/deadlines.js';

/** The reform office's rules for reports and reminders, in working days (official calendar). */
export const reformRules = {
  /** A month's report is due on this working day after the month's last day. */
  reportDeadlineWorkdays: 5,
  /** Reminders go out this many working days before a milestone's or a report's due date. */
  remindWorkdays: 3,
} as const;

/** The last day of a month given as YYYY-MM. */
export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** A month's report deadline: the n-th working day after its last day. */
export const reportDeadline = (period: string, workdays: number = reformRules.reportDeadlineWorkdays) =>
  dueAfter(monthEnd(period), workdays);

/** The month before YYYY-MM. */
export function previousMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The latest month whose report deadline has passed by `today` (the month before last, early in a month). */
export function lastDuePeriod(today: string): string {
  let period = previousMonth(today.slice(0, 7));
  while (today <= reportDeadline(period)) period = previousMonth(period);
  return period;
}
