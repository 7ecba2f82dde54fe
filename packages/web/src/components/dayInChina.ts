/** China Standard Time has been UTC+8 all year since 1991, with no daylight saving. */
const chinaOffsetMs = 8 * 3_600_000;

/** The moment's wall-clock reading in China, as an ISO string whose zone is no longer UTC. */
const inChina = (iso: string) => new Date(Date.parse(iso) + chinaOffsetMs).toISOString();

/**
 * The day of a moment in China as YYYY-MM-DD, the district's day, in which the server counts
 * deadlines too. A timestamp's first ten characters are its day in UTC: a suggestion sent at
 * 07:00 in Qianjiang would show the day before. A plain date is already a day and is kept.
 */
export function dayInChina(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return inChina(iso).slice(0, 10);
}

/**
 * A moment as YYYY-MM-DD HH:mm in China: the one form of a time on every page and in either
 * language, as the days are (the browser's own forms differ by language and by the zone the
 * reader's device is set to: 2026/12/5 14:30:00 against 12/5/2026, 2:30:00 PM).
 */
export function momentInChina(iso: string): string {
  const at = inChina(iso);
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/**
 * The calendar month or quarter holding a moment's day in China, as its first and last days
 * (YYYY-MM-DD): the period a new plan or survey most often covers, proposed by its form.
 */
export function periodInChina(iso: string, span: 'month' | 'quarter'): { first: string; last: string } {
  const [year, month] = dayInChina(iso).split('-').map(Number) as [number, number];
  const firstMonth = span === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const lastMonth = span === 'month' ? month : firstMonth + 2;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return { first: `${year}-${mm(firstMonth)}-01`, last: `${year}-${mm(lastMonth)}-${lastDay}` };
}

/**
 * The year in China at a moment: the district's year, in which plans, reports and dashboards are
 * counted. The device's own year is wrong on a device set to another zone around New Year.
 */
export const yearInChina = (now = new Date()): number => Number(dayInChina(now.toISOString()).slice(0, 4));
