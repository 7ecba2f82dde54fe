import { isWorkday } from '../../packages/core/src/calendar/index.js';

/** The date in China, from which the server counts (a team starts a visit on its date or later). */
export const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The last official working day on or before a date. */
export function workdayOnOrBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  while (!isWorkday(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
