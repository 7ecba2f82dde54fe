import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { createUnit } from '../modules/units/api.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type District, makeDistrict, makeUser, signIn } from '../test-support/factories.js';
import { contextOf, racingInside } from '../test-support/racing.js';
import { auditEvents } from './schema.js';
import { sealAuditChain } from './seal.js';

/**
 * An honest transaction that runs longer than the sealer's clock tolerance before it writes its
 * audit event (a large workbook import on a busy machine): its event is dated when written, so
 * events sealed meanwhile do not make it look back-dated. Two transactions open at once need
 * PostgreSQL; on PGlite's one connection the other write would wait for this one.
 */
let t: TestContext;
let tree: District;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  officeCtx = await contextOf(t, await signIn(t, await makeUser(t, { roles: [['admin', tree.district]] })));
  await sealAuditChain(t.database.db);
});
afterAll(() => t.close());

const tolerance = 1000;

describe.runIf(!!process.env.DATABASE_URL)(
  'a transaction longer than the clock tolerance (PostgreSQL)',
  () => {
    it('has its audit event sealed, not refused as back-dated', async () => {
      // Inside the long transaction, after its start: the time passes, and another command's
      // event commits and is sealed.
      const meanwhile = async () => {
        await t.database.db.execute(sql`select pg_sleep(${(tolerance * 1.5) / 1000})`);
        await createUnit(officeCtx, {
          code: 'LT-1',
          name: '其间单位',
          kind: 'other',
          parentId: tree.district.id,
          sort: 0,
        });
        expect((await sealAuditChain(t.database.db, { toleranceMs: tolerance })).refused).toEqual([]);
      };
      const long = await createUnit(
        { ...officeCtx, db: racingInside(t.database.db, meanwhile) },
        { code: 'LT-2', name: '长事务单位', kind: 'other', parentId: tree.district.id, sort: 0 },
      );
      const { refused } = await sealAuditChain(t.database.db, { toleranceMs: tolerance });
      expect(refused).toEqual([]);
      const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, long.id));
      expect(event?.seq).not.toBeNull();
    });
  },
);
