import { builtInYears } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { primaryOf, type ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { refreshLoadedYears } from '../loaded-years.js';
import { canCalendar } from '../policy.js';
import { calendarYears } from '../schema.js';
import { builtInYear } from './loadYear.js';

/** Removes a loaded year (loaded by mistake): its deadlines count Monday to Friday again. */
const command = defineCommand({
  name: 'calendar.unload',
  async load(ctx, year: number) {
    if (!canCalendar(ctx.principal, 'calendar.unload')) throw forbidden();
    if (builtInYears.includes(year)) throw builtInYear(year);
    const [before] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
    if (!before) throw notFound(`loaded calendar year ${year}`);
    return before;
  },
  async write(tx, _ctx, before, year) {
    await tx.delete(calendarYears).where(eq(calendarYears.year, year));
    return {
      result: undefined,
      audit: { entityType: 'calendar_year', entityId: String(year), before: before.arrangement },
    };
  },
  async after(ctx) {
    await refreshLoadedYears(primaryOf(ctx));
  },
});

export const unloadCalendarYear = (ctx: ServiceContext, year: number): Promise<void> =>
  command.run(ctx, year);
