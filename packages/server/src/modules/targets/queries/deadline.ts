import { officialCalendar } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { dueAfter, provisionalYear, todayInChina } from '../../../kernel/deadlines.js';
import type { Settings } from '../contracts/library.js';
import { canTarget } from '../policy.js';
import { targetSettings } from '../schema.js';
import { splitQuarter } from './lookup.js';

export const defaultSettings: Settings = { reportDeadlineWorkdays: 10 };

/** The module's settings; read inside a transaction with `lock`, held until it commits. */
export async function getSettings(db: Db, lock = false): Promise<Settings> {
  const query = db.select().from(targetSettings).where(eq(targetSettings.key, 'settings'));
  const [row] = lock ? await query.for('update') : await query;
  return { ...defaultSettings, ...((row?.value as Partial<Settings> | undefined) ?? {}) };
}

export async function readSettings(ctx: ServiceContext): Promise<Settings> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return getSettings(ctx.db);
}

const quarterEnds = ['03-31', '06-30', '09-30', '12-31'] as const;

export function quarterEnd(period: string): string {
  const { year, quarter } = splitQuarter(period);
  return `${year}-${quarterEnds[quarter - 1]}`;
}

/** Whether the quarter is over in China (UTC+8): its report may be submitted from the next day on. */
export const quarterEnded = (period: string, now = new Date()): boolean =>
  todayInChina(now) > quarterEnd(period);

/**
 * Whether a quarter's deadline was counted through a year the official calendar does not cover
 * (a fourth quarter's runs into January, whose holidays come out in the State Council's notice
 * in November), or falls in the last days of a December the next year's notice may still change
 * (kernel/deadlines.ts): such a date is provisional. The year it waits for, or null.
 */
export const deadlineProvisional = (
  period: string,
  deadline: string,
  covered = officialCalendar.years,
): number | null => provisionalYear(quarterEnd(period), deadline, covered);

/** The reporting deadline: the n-th working day after the quarter's last day (default 10). */
export function reportDeadline(period: string, workdays: number): string {
  return dueAfter(quarterEnd(period), workdays);
}
