import type { AuthzRows } from '../../test-support/authz.js';

const arrangement = (year: number) => ({
  year,
  sources: [
    { title: '矩阵', number: '矩阵〔1〕1号', issued: `${year - 1}-11-01`, url: 'https://example.org/' },
  ],
  holidays: [{ name: '元旦', start: `${year}-01-01`, end: `${year}-01-01`, days: 1 }],
  workdays: [],
});

/** The working-day calendar's rows of the authorisation matrix. */
export const authzRows: AuthzRows = {
  'calendar.list': { who: 'signedIn', call: () => ['GET', '/api/v1/calendar/years'] },
  'calendar.load': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['PUT', '/api/v1/calendar/years/2998', arrangement(2998)],
  },
  'calendar.unload': {
    who: ['admin'],
    streetAdmin: false,
    call: () => ['DELETE', '/api/v1/calendar/years/2997'],
  },
};
