import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { year2027FromDecember } from '../../test-support/year-2027.js';
import type { RequestDetail } from './contracts-requests.js';
import { noon, requestParties, routedRequest } from './test-helpers.js';

let t: TestContext;
let id = '';

/** Noon of a day in China. */

beforeAll(async () => {
  const parties = await requestParties();
  t = parties.t;
  // Routed on Monday 21 December 2026 with 8 working days, counted on 2026's calendar alone:
  // due on Thursday 31 December.
  id = await routedRequest(parties, '2026-12-21', '2026-12-31');
});
afterEach(() => {
  vi.useRealTimers();
});
// Closing the database takes the years it loaded out of the process's calendar.
afterAll(() => t.close());

/** The office's client at noon of `day` in China. */
async function officeOn(day: string): Promise<TestClient> {
  vi.useFakeTimers({ toFake: ['Date'], now: noon(day) });
  return t.as('office');
}

describe('a firm’s request due in the last days of December', () => {
  it('is provisional until the next year’s notice is loaded, and moves with it', async () => {
    const office = await officeOn('2026-12-22');
    const due = async () => {
      const { body } = await office.get<RequestDetail>(`/api/v1/business/requests/${id}`);
      return { dueOn: body.dueOn, provisional: body.dueProvisional };
    };
    // 2026 is covered, but 2027's notice may still give 31 December off, as the 2019 notice did 2018's.
    expect(await due()).toEqual({ dueOn: '2026-12-31', provisional: 2027 });
    expect((await office.put('/api/v1/calendar/years/2027', year2027FromDecember)).status).toBe(200);
    // Saturday 26 December is worked now and 31 December off: the eighth working day is the 30th.
    expect(await due()).toEqual({ dueOn: '2026-12-30', provisional: null });
    expect((await office.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    expect(await due()).toEqual({ dueOn: '2026-12-31', provisional: 2027 });
  });
});
