import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createApp } from '../../http/app.js';
import { inboxSms, silentLog, TestClient } from '../../test-support/app.js';
import { createTestDatabase } from '../../test-support/db.js';
import { makeUnit, makeUser, signIn } from '../../test-support/factories.js';
import { racing } from '../../test-support/racing.js';
import { modules } from '../registry.js';
import { units } from './schema.js';

let database: Database;
let admin: TestClient;
let districtId: string;
/** What another admin does after the next request's checks, before its write. */
let meanwhile: (() => Promise<unknown>) | undefined;
/** `db`, running `meanwhile` (once set, then cleared) before the next transaction opens. */
const racingEach = (db: Database['db']): Database['db'] =>
  new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction' || !meanwhile) return Reflect.get(target, key, receiver);
      const work = meanwhile;
      meanwhile = undefined;
      return racing(target, work).transaction;
    },
  });
beforeAll(async () => {
  database = await createTestDatabase();
  const sms = inboxSms();
  const app = createApp({
    modules,
    // The next transaction any request opens runs after `meanwhile`, once.
    database: { ...database, db: racingEach(database.db) },
    log: silentLog,
    sms,
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    trustProxy: () => true,
  });
  const world = { database, sms, client: (ip?: string) => new TestClient(app, ip) };
  const district = await makeUnit(world);
  districtId = district.id;
  admin = await signIn(world, await makeUser(world, { roles: [['admin', district]] }));
});
afterAll(() => database.close());

describe('a unit code taken at the same moment', () => {
  it('is refused as the code already in use, naming the field', async () => {
    meanwhile = () =>
      database.db.insert(units).values({ code: 'RACE-1', name: '抢先', kind: 'other', path: '/x/' });
    const res = await admin.post('/api/v1/units', {
      code: 'RACE-1',
      name: '迟到',
      kind: 'other',
      parentId: districtId,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'code', code: 'taken' })],
    });
  });
});
