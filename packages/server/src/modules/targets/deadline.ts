import { addWorkdays, YearNotCoveredError } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { forbidden } from '../../errors.js';
import type { Settings } from './contracts.js';
import { splitQuarter } from './lookup.js';
import { canTarget } from './policy.js';
import { targetSettings } from './schema.js';

export const defaultSettings: Settings = { reportDeadlineWorkdays: 10 };

export async function getSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(targetSettings).where(eq(targetSettings.key, 'settings'));
  return { ...defaultSettings, ...((row?.value as Partial<Settings> | undefined) ?? {}) };
}

export async function readSettings(ctx: ServiceContext): Promise<Settings> {
  if (!canTarget(ctx.principal, 'library.read')) throw forbidden();
  return getSettings(ctx.db);
}

export async function updateSettings(ctx: ServiceContext, input: Settings): Promise<Settings> {
  if (!canTarget(ctx.principal, 'settings.write')) throw forbidden();
  const before = await getSettings(ctx.db);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(targetSettings)
      .values({ key: 'settings', value: input })
      .onConflictDoUpdate({ target: targetSettings.key, set: { value: input, updatedAt: new Date() } });
    await audit(tx, actor(ctx), {
      action: 'targets.settings',
      entityType: 'settings',
      entityId: 'targets',
      before,
      after: input,
    });
  });
  return input;
}

const quarterEnds = ['03-31', '06-30', '09-30', '12-31'] as const;

export function quarterEnd(period: string): string {
  const { year, quarter } = splitQuarter(period);
  return `${year}-${quarterEnds[quarter - 1]}`;
}

/** Monday to Friday only: the fallback for a year the official calendar does not cover yet. */
function addWeekdays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** The reporting deadline: the n-th working day after the quarter's last day (default 10). */
export function reportDeadline(period: string, workdays: number): string {
  const end = quarterEnd(period);
  try {
    return addWorkdays(end, workdays);
  } catch (error) {
    if (error instanceof YearNotCoveredError) return addWeekdays(end, workdays);
    throw error;
  }
}

/** Today in China Standard Time, as the deadline is counted there. */
export const todayInChina = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

export const isLate = (deadline: string, submittedAt: Date): boolean => todayInChina(submittedAt) > deadline;
