import {
  CalendarError,
  calendarWithLoaded,
  officialCalendar,
  type WorkCalendar,
} from '@qianxing/core/calendar';
import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { withDatabase } from './database.js';

/** The option of every command that counts working days. */
export const loadedOption = [
  '--loaded',
  'also use the years the district office loaded; opens the configured database (DATABASE_URL or the embedded data folder)',
] as const;

/**
 * The calendar a command counts with: the built-in years, and with `loaded` also the years the
 * district office loaded into the configured database. They are checked together as every server
 * process checks them (`calendarWithLoaded`): a set that does not add up is refused, exit code 2.
 * Without `loaded` nothing of the server loads and no database is opened.
 */
export async function calendarFor(loaded: boolean | undefined): Promise<WorkCalendar> {
  if (!loaded) return officialCalendar;
  const years = await withDatabase(async (database) => {
    if (!(await database.appliedMigration()))
      throw new CliError('the database is empty (no migration applied): no year is loaded there', 1);
    const { loadedCalendarArrangements } = await import('@qianxing/server');
    return loadedCalendarArrangements(database.db);
  }, 'The loaded years are kept in that folder: --loaded reads them only while the server is stopped');
  try {
    return calendarWithLoaded(years);
  } catch (error) {
    if (error instanceof CalendarError || (error instanceof Error && error.name === 'ZodError'))
      throw new CliError(
        `the years loaded in the database (${years.map((y) => y.year).join(', ')}) do not add up with the built-in ones: ${error.message}`,
        2,
      );
    throw error;
  }
}

/** Runs a calendar query, turning a bad date or a year without data into exit code 2. */
async function answer(
  options: { loaded?: boolean },
  query: (calendar: WorkCalendar) => string | number | boolean,
): Promise<void> {
  const calendar = await calendarFor(options.loaded);
  try {
    process.stdout.write(`${String(query(calendar))}\n`);
  } catch (error) {
    if (error instanceof CalendarError || error instanceof RangeError) throw new CliError(error.message, 2);
    throw error;
  }
}

function count(text: string): number {
  if (!/^\d+$/.test(text))
    throw new CliError(`N must be a whole number of working days ≥ 0: ${JSON.stringify(text)}`, 2);
  return Number(text);
}

type Options = { loaded?: boolean };

export function register(program: Command): void {
  const calendar = program
    .command('calendar')
    .description(
      `China's official working days (data for ${officialCalendar.years.join(', ')}; with --loaded also the years the district office loaded)`,
    );
  calendar
    .command('is-workday')
    .description('Print true when DATE is a working day, false otherwise')
    .argument('<date>', 'YYYY-MM-DD')
    .option(...loadedOption)
    .action((date: string, options: Options) => answer(options, (c) => c.isWorkday(date)));
  calendar
    .command('add-workdays')
    .description('Print the date N working days after DATE, counting from the day after')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'working days, ≥ 0')
    .option(...loadedOption)
    .action(async (date: string, n: string, options: Options) => {
      const days = count(n);
      await answer(options, (c) => c.addWorkdays(date, days));
    });
  calendar
    .command('workdays-between')
    .description('Print the number of working days after START up to and including END')
    .argument('<start>', 'YYYY-MM-DD')
    .argument('<end>', 'YYYY-MM-DD')
    .option(...loadedOption)
    .action((start: string, end: string, options: Options) =>
      answer(options, (c) => c.workdaysBetween(start, end)),
    );
  calendar
    .command('next-workday')
    .description('Print the first working day after DATE')
    .argument('<date>', 'YYYY-MM-DD')
    .option(...loadedOption)
    .action((date: string, options: Options) => answer(options, (c) => c.nextWorkday(date)));
}
