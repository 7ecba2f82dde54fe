import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { migrateFrom, migrationsBefore } from '../test-support/migrations.js';
import { attachments, notifications } from './schema.js';

const ids = {
  scan: '00000000-0000-4000-8000-00000000a001',
  evidence: '00000000-0000-4000-8000-00000000a002',
  suggestion: '00000000-0000-4000-8000-00000000b001',
  report: '00000000-0000-4000-8000-00000000b002',
  notice: '00000000-0000-4000-8000-00000000c001',
};

describe('migration 0006: one attachments table and one inbox for every module', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateFrom(database, migrationsBefore('0006_kernel_attachments_notifications'));
    // The owners' rows are not what this migration is about: foreign keys are off while the old
    // rows go in (the tests' role is a superuser on both databases).
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into idea_attachments (id, suggestion_id, file_name, media_type, size, sha256, created_at)
        values (${ids.scan}, ${ids.suggestion}, '来信.pdf', 'application/pdf', 1234, 'aa', '2026-03-01T08:00:00Z')`);
      await tx.execute(sql`insert into target_evidence (id, report_id, file_name, media_type, size, sha256, storage_key, created_at)
        values (${ids.evidence}, ${ids.report}, '佐证.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 99, 'bb', ${`${ids.report}/${ids.evidence}`}, '2026-04-02T08:00:00Z')`);
      await tx.execute(sql`insert into idea_notifications (id, tracking_code, key, params)
        values (${ids.notice}, 'QX-ABCD-EFGH', 'ideas.notice.accepted', '{"title":"高铁站公交"}')`);
    });
    await database.migrate();
  });
  afterAll(() => database.close());

  it('moves each scan and each piece of evidence, keeping id, file location and time', async () => {
    const rows = await database.db.select().from(attachments).orderBy(attachments.createdAt);
    expect(rows.map((r) => [r.id, r.ownerKind, r.ownerId, r.area, r.storageKey, r.fileName, r.size])).toEqual(
      [
        [ids.scan, 'suggestion', ids.suggestion, 'ideas', `${ids.suggestion}/${ids.scan}`, '来信.pdf', 1234],
        [ids.evidence, 'report', ids.report, 'targets', `${ids.report}/${ids.evidence}`, '佐证.xlsx', 99],
      ],
    );
    expect(rows[0]!.createdAt.toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('keeps every message in the inbox', async () => {
    const rows = await database.db.select().from(notifications);
    expect(rows).toMatchObject([
      {
        id: ids.notice,
        trackingCode: 'QX-ABCD-EFGH',
        key: 'ideas.notice.accepted',
        params: { title: '高铁站公交' },
      },
    ]);
  });

  it('drops the old tables', async () => {
    const res = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('idea_attachments', 'target_evidence', 'idea_notifications')`,
    );
    expect((res as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
  });
});
