import {
  builtInYears,
  type CalendarError,
  problemsWithLoaded,
  type YearArrangement,
} from '@qianxing/core/calendar';
import { primaryOf, type ServiceContext } from '../../../context.js';
import { AppError, type FieldError, forbidden } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { recountDeadlines } from '../../../kernel/deadline-recount.js';
import type { CalendarYear } from '../contracts.js';
import { refreshLoadedYears } from '../loaded-years.js';
import { canCalendar } from '../policy.js';
import { listCalendarYears } from '../queries/years.js';
import { calendarYears } from '../schema.js';
import { calendarChange, heldYears } from './held-years.js';

/**
 * The dates do not add up: which check failed travels as `origin` (the web words each one from
 * its dates), the English message stays for any other client.
 */
const inconsistent = (error: CalendarError): FieldError => ({
  path: error.fault === 'workday_not_weekend' ? 'workdays' : 'holidays',
  message: error.message,
  code: 'calendar_inconsistent',
  params: { value: error.message, ...(error.fault ? { origin: error.fault } : {}), ...error.params },
});

/** The year a notice's title names (国务院办公厅关于2027年部分节假日安排的通知), if it names one. */
const yearNamed = (title: string): number | undefined => {
  const named = /(\d{4})\s*年/.exec(
    title.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  return named ? Number(named[1]) : undefined;
};

/**
 * What makes an arrangement no year's: no day off at all (every notice gives New Year's Day at
 * least), a notice whose title names another year (the wrong notice pasted), dates that do not add
 * up with the years already held. All of them, so the office fixes everything at once.
 */
function problemsOf(arrangement: YearArrangement, others: readonly YearArrangement[]): FieldError[] {
  const problems: FieldError[] = [];
  if (arrangement.holidays.length === 0)
    problems.push({
      path: 'holidays',
      message: 'the arrangement gives no day off',
      code: 'no_holidays',
      params: { value: arrangement.year },
    });
  arrangement.sources.forEach((source, i) => {
    const named = yearNamed(source.title);
    if (named !== undefined && named !== arrangement.year)
      problems.push({
        path: `sources.${i}.title`,
        message: `the notice's title names ${named}, not ${arrangement.year}`,
        code: 'source_year_mismatch',
        params: { value: arrangement.year, named },
      });
  });
  return [...problems, ...problemsWithLoaded([...others, arrangement]).map(inconsistent)];
}

export const builtInYear = (year: number) =>
  new AppError('INVALID_STATE', `${year} is built into the calendar and cannot be replaced or removed`, [
    { path: 'year', message: 'built in', code: 'built_in_year', params: { value: year } },
  ]);

/**
 * Loads (or replaces) a year from the State Council's notice. Its dates must add up on their own
 * (each span's stated count, make-up days on weekends, no day both off and worked), checked
 * before anything is written; from the commit on, every deadline of the process counts with it,
 * and the due dates the modules stored by counting through the year are counted again with it.
 */
const command = defineCommand({
  name: 'calendar.load',
  async load(ctx, input: { year: number; arrangement: YearArrangement }) {
    if (!canCalendar(ctx.principal, 'calendar.load')) throw forbidden();
    if (input.arrangement.year !== input.year)
      throw new AppError('VALIDATION', 'the arrangement is for another year than the address names', [
        {
          path: 'year',
          message: 'differs from the path',
          code: 'year_mismatch',
          params: { value: input.year },
        },
      ]);
    if (builtInYears.includes(input.year)) throw builtInYear(input.year);
  },
  async write(tx, ctx, _loaded, { year, arrangement }) {
    // Checked with the years already loaded and the built-in ones, as every process will hold
    // them together after the commit: a day one year works and another gives off is refused here.
    // Read under the calendar's lock, so a year loaded at the same moment is among them.
    const { stored: before, others } = await heldYears(tx, year);
    const problems = problemsOf(arrangement, others);
    if (problems.length > 0) throw new AppError('VALIDATION', problems[0]!.message, problems);
    const change = calendarChange(year, others, before?.arrangement, arrangement);
    const loadedBy = ctx.principal?.userId ?? null;
    await tx
      .insert(calendarYears)
      .values({ year, arrangement, loadedBy })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { arrangement, loadedBy, loadedAt: new Date() },
      });
    // In the same transaction: no deadline counted through the year is left on the old count.
    const recounted = await recountDeadlines(tx, change);
    return {
      result: undefined,
      audit: {
        entityType: 'calendar_year',
        entityId: String(year),
        ...(before ? { before: before.arrangement } : {}),
        after:
          Object.keys(recounted).length > 0 ? { ...arrangement, deadlinesRecounted: recounted } : arrangement,
      },
    };
  },
  async after(ctx) {
    await refreshLoadedYears(primaryOf(ctx));
  },
});

export async function loadCalendarYear(
  ctx: ServiceContext,
  year: number,
  arrangement: YearArrangement,
): Promise<CalendarYear> {
  await command.run(ctx, { year, arrangement });
  const listed = await listCalendarYears({ ...ctx, db: primaryOf(ctx) });
  return listed.find((y) => y.year === year)!;
}
