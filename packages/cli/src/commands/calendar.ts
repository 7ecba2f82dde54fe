import { CalendarError, officialCalendar } from '@qianxing/core/calendar';
import type { Command } from 'commander';
import { CliError } from '../errors.js';

/** Runs a calendar query, turning a bad date or a year without data into exit code 2. */
function answer(query: () => string | number | boolean): void {
  try {
    process.stdout.write(`${String(query())}\n`);
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

export function register(program: Command): void {
  const calendar = program
    .command('calendar')
    .description(`China's official working days (data for ${officialCalendar.years.join(', ')})`);
  calendar
    .command('is-workday')
    .description('Print true when DATE is a working day, false otherwise')
    .argument('<date>', 'YYYY-MM-DD')
    .action((date: string) => answer(() => officialCalendar.isWorkday(date)));
  calendar
    .command('add-workdays')
    .description('Print the date N working days after DATE, counting from the day after')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'working days, ≥ 0')
    .action((date: string, n: string) => answer(() => officialCalendar.addWorkdays(date, count(n))));
  calendar
    .command('workdays-between')
    .description('Print the number of working days after START up to and including END')
    .argument('<start>', 'YYYY-MM-DD')
    .argument('<end>', 'YYYY-MM-DD')
    .action((start: string, end: string) => answer(() => officialCalendar.workdaysBetween(start, end)));
  calendar
    .command('next-workday')
    .description('Print the first working day after DATE')
    .argument('<date>', 'YYYY-MM-DD')
    .action((date: string) => answer(() => officialCalendar.nextWorkday(date)));
}
