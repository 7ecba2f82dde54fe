import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { refreshLoadedYears } from './loaded-years.js';
import { calendarYears } from './schema.js';

interface Refusal {
  errors: Array<{ path: string; code: string; params: Record<string, unknown> }>;
}

const year2028 = {
  year: 2028,
  sources: [
    {
      title: '国务院办公厅关于2028年部分节假日安排的通知',
      number: '国办发明电〔2027〕8号',
      issued: '2027-11-03',
      url: 'https://www.gov.cn/',
    },
  ],
  holidays: [{ name: '元旦', start: '2028-01-01', end: '2028-01-03', days: 3 }],
  workdays: [],
};

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
});
afterAll(async () => {
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
  await t.close();
});

describe('loading a year the notice does not give', () => {
  it('refuses an arrangement with no day off and a notice titled for another year, naming both', async () => {
    const admin = await signIn(t, office);
    const res = await admin.put<Refusal>('/api/v1/calendar/years/2028', {
      ...year2028,
      sources: [{ ...year2028.sources[0], title: '国务院办公厅关于2027年部分节假日安排的通知' }],
      holidays: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'holidays', code: 'no_holidays', params: { value: 2028 } }),
      expect.objectContaining({
        path: 'sources.0.title',
        code: 'source_year_mismatch',
        params: { value: 2028, named: 2027 },
      }),
    ]);
    expect(await t.database.db.select().from(calendarYears)).toEqual([]);
  });

  it('lists every date that does not add up, not the first alone', async () => {
    const admin = await signIn(t, office);
    const res = await admin.put<Refusal>('/api/v1/calendar/years/2028', {
      ...year2028,
      holidays: [{ name: '元旦', start: '2028-01-01', end: '2028-01-03', days: 2 }],
      workdays: [{ date: '2028-01-05', name: '元旦' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.params.origin)).toEqual(['span_days', 'workday_not_weekend']);
  });

  it('takes a notice whose title names its year, or none', async () => {
    const admin = await signIn(t, office);
    expect((await admin.put('/api/v1/calendar/years/2028', year2028)).status).toBe(200);
    const untitled = { ...year2028, sources: [{ ...year2028.sources[0], title: '节假日安排的通知' }] };
    expect((await admin.put('/api/v1/calendar/years/2028', untitled)).status).toBe(200);
  });
});
