import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test-support/db.js';
import { migrateFrom, migrationsBefore } from '../../test-support/migrations.js';
import { businessSupervision } from './schema.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const dept = uuid(900);

describe('migration 0037: reminders left open on closed requests', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateFrom(database, migrationsBefore('0037_reminders_closed_requests'));
    // Requests in each state with one unacknowledged reminder each, and on a closed one an
    // acknowledged reminder and a note. Foreign keys are off while they go in (the tests' role is
    // a superuser on both databases): the firms and units are not what this is about.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const states = ['routed', 'answered', 'rectifying', 'closed', 'closed_unrated'];
      for (const [i, status] of states.entries()) {
        await tx.execute(sql`insert into business_requests (id, firm_id, category_code, title, body, status, department_id)
          values (${uuid(i + 1)}, ${uuid(800)}, 'approval', '诉求', '内容', ${status}, ${dept})`);
        await tx.execute(sql`insert into business_supervision (id, request_id, kind, body, department_id)
          values (${uuid(100 + i)}, ${uuid(i + 1)}, 'reminder', '督办', ${dept})`);
      }
      await tx.execute(sql`insert into business_supervision (id, request_id, kind, body, department_id, acknowledged_at, acknowledgement)
        values (${uuid(200)}, ${uuid(4)}, 'reminder', '督办', ${dept}, now(), '已办理')`);
      await tx.execute(sql`insert into business_supervision (id, request_id, kind, body)
        values (${uuid(201)}, ${uuid(4)}, 'note', '备注')`);
    });
    await database.migrate();
  });
  afterAll(() => database.close());

  it('closes the unacknowledged reminders of closed requests only, with the reason', async () => {
    const rows = await database.db
      .select({ id: businessSupervision.id, closedReason: businessSupervision.closedReason })
      .from(businessSupervision)
      .orderBy(asc(businessSupervision.id));
    expect(rows).toEqual([
      { id: uuid(100), closedReason: null },
      { id: uuid(101), closedReason: null },
      { id: uuid(102), closedReason: null },
      { id: uuid(103), closedReason: 'requestClosed' },
      { id: uuid(104), closedReason: 'requestClosed' },
      { id: uuid(200), closedReason: null },
      { id: uuid(201), closedReason: null },
    ]);
  });
});
