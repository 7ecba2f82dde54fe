import { builtInYears, officialArrangements, type YearArrangement } from '@qianxing/core/calendar';
import { asc } from 'drizzle-orm';
import { isStaff } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { forbidden } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { displayNames } from '../../users/api.js';
import type { CalendarYear } from '../contracts.js';
import { canCalendar } from '../policy.js';
import { calendarYears } from '../schema.js';

/**
 * The years loaded from later notices, oldest first. A year a later release built in is left out:
 * the release's data stands, and the stored copy would otherwise clash with it (the same year
 * twice) and make every process drop all the loaded years, later ones too.
 */
export async function loadedArrangements(db: Db): Promise<YearArrangement[]> {
  const rows = await db
    .select({ arrangement: calendarYears.arrangement })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
  return rows.map((r) => r.arrangement).filter((a) => !builtInYears.includes(a.year));
}

/** Every year the calendar knows, built-in and loaded, by year: for anyone signed in. */
export async function listCalendarYears(
  ctx: Pick<ServiceContext, 'db' | 'principal'>,
): Promise<CalendarYear[]> {
  const { db, principal } = ctx;
  if (!canCalendar(principal, 'calendar.read')) throw forbidden();
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  const names = await displayNames(
    db,
    rows.flatMap((r) => (r.loadedBy ? [r.loadedBy] : [])),
  );
  const mayUnload = canCalendar(principal, 'calendar.unload');
  // Every account may read the calendar, citizens too; who loaded a year is named in full only
  // to the district's staff.
  const staff = isStaff(principal);
  const loaderName = (id: string | null): string | null => {
    const name = id ? names.get(id) : undefined;
    if (name === undefined) return null;
    return staff ? name : maskPersonName(name);
  };
  const builtIn = officialArrangements.map(
    (arrangement): CalendarYear => ({
      year: arrangement.year,
      builtIn: true,
      arrangement,
      loadedAt: null,
      loadedBy: null,
      allowed: [],
    }),
  );
  const loaded = rows
    .filter((r) => !builtInYears.includes(r.year))
    .map(
      (r): CalendarYear => ({
        year: r.year,
        builtIn: false,
        arrangement: r.arrangement,
        loadedAt: r.loadedAt.toISOString(),
        loadedBy: loaderName(r.loadedBy),
        allowed: mayUnload ? ['unload'] : [],
      }),
    );
  return [...builtIn, ...loaded].sort((a, b) => a.year - b.year);
}
