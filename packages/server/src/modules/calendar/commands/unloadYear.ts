import { builtInYears } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { primaryOf, type ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { recountDeadlines } from '../../../kernel/deadline-recount.js';
import { refreshLoadedYears } from '../loaded-years.js';
import { canCalendar } from '../policy.js';
import { calendarYears } from '../schema.js';
import { calendarChange, heldYears } from './held-years.js';
import { builtInYear } from './loadYear.js';

/**
 * Removes a loaded year (loaded by mistake): its deadlines count Monday to Friday again, the
 * stored ones counted through it included.
 */
const command = defineCommand({
  name: 'calendar.unload',
  async load(ctx, year: number) {
    if (!canCalendar(ctx.principal, 'calendar.unload')) throw forbidden();
    if (builtInYears.includes(year)) throw builtInYear(year);
  },
  async write(tx, _ctx, _loaded, year) {
    // Under the calendar's lock, with the years as they now stand (held-years.ts).
    const { stored: before, others } = await heldYears(tx, year);
    if (!before) throw notFound(`loaded calendar year ${year}`);
    const change = calendarChange(year, others, before.arrangement, undefined);
    await tx.delete(calendarYears).where(eq(calendarYears.year, year));
    const recounted = await recountDeadlines(tx, change);
    return {
      result: undefined,
      audit: {
        entityType: 'calendar_year',
        entityId: String(year),
        before: before.arrangement,
        ...(Object.keys(recounted).length > 0 ? { after: { deadlinesRecounted: recounted } } : {}),
      },
    };
  },
  async after(ctx) {
    await refreshLoadedYears(primaryOf(ctx));
  },
});

export const unloadCalendarYear = (ctx: ServiceContext, year: number): Promise<void> =>
  command.run(ctx, year);
