/** China Standard Time has been UTC+8 all year since 1991, with no daylight saving. */
const chinaOffsetMs = 8 * 3_600_000;

/**
 * The day of a moment in China as YYYY-MM-DD, the district's day, in which the server counts
 * deadlines too. A timestamp's first ten characters are its day in UTC: a suggestion sent at
 * 07:00 in Qianjiang would show the day before. A plain date is already a day and is kept.
 */
export function dayInChina(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Date(Date.parse(iso) + chinaOffsetMs).toISOString().slice(0, 10);
}
