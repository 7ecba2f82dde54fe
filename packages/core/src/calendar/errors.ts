/** Why a set of arrangements does not add up, for a reader in any language. */
export type ArrangementFault = 'year_twice' | 'span_days' | 'workday_not_weekend' | 'off_and_worked';

/**
 * Anything the calendar refuses to answer: a malformed date, a year it has no data for, or
 * arrangements that do not add up (then `fault` says which check, and `params` its dates).
 */
export class CalendarError extends Error {
  override name = 'CalendarError';
  constructor(
    message: string,
    readonly fault?: ArrangementFault,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
  }
}

export class InvalidDateError extends CalendarError {
  override name = 'InvalidDateError';
  constructor(readonly value: string) {
    super(`not a valid date (expected YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
}

/**
 * A year without the State Council's arrangement. Guessing (weekends only) would put
 * deadlines on holidays, so the calendar refuses instead: add the year's data.
 */
export class YearNotCoveredError extends CalendarError {
  override name = 'YearNotCoveredError';
  constructor(
    readonly year: number,
    readonly covered: readonly number[],
  ) {
    super(
      `no official holiday data for ${year} (the calendar covers ${describeYears(covered)}); load the year's State Council notice on the console's working-day calendar page (工作日历), or add it to the built-in data`,
    );
  }
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return 'no year';
  const first = years[0];
  const last = years[years.length - 1];
  const contiguous = last !== undefined && first !== undefined && last - first + 1 === years.length;
  return contiguous ? `${first}–${last}` : years.join(', ');
}
