import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../audit/audit.js';
import { auditEvents } from '../audit/schema.js';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { inboxSms, silentLog } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { type ImportDefinition, runImport } from './excel-import.js';

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, principal: null, log: silentLog, sms: inboxSms(), systemLabel: 'import test' };
});
afterAll(() => database.close());

const events = async (entityType: string) =>
  database.db.select().from(auditEvents).where(eq(auditEvents.entityType, entityType));

/** Rows of a code and a count; a count must be a number, and a code appear once. */
function definition(
  entityType: string,
  steps: string[],
  write?: ImportDefinition<{ row: number; code: string }, number, number>['write'],
): ImportDefinition<{ row: number; code: string }, number, number> {
  return {
    sheet: {
      columns: [
        { key: 'code', header: '编码' },
        { key: 'count', header: '数量' },
      ],
      requireRows: true,
    },
    row(values, row, report) {
      if (Number.isNaN(Number(values.count))) report.add(row, 'count', 'not_a_number', 'not a number');
      else return { row, code: values.code ?? '' };
    },
    check(rows, report) {
      steps.push('check');
      const seen = new Set<string>();
      for (const r of rows) {
        if (seen.has(r.code)) report.add(r.row, 'code', 'duplicate', 'duplicate');
        seen.add(r.code);
      }
    },
    prepare(rows) {
      steps.push('prepare');
      return rows.length;
    },
    write:
      write ??
      (async (_tx, rows, prepared) => ({
        result: prepared,
        audit: rows.map((r) => ({ action: 'thing.import', entityType, entityId: r.code })),
      })),
    afterCommit() {
      steps.push('after');
    },
  };
}

describe('the kernel import', () => {
  it('reports row and whole-file problems at once, and then neither prepares nor writes', async () => {
    const steps: string[] = [];
    const error = await runImport(
      ctx,
      { csv: '编码,数量\nA,1\nA,x\nA,2' },
      definition('run-bad', steps),
    ).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error!.errors.map((e) => [e.path, e.code])).toEqual([
      ['row 3.count', 'not_a_number'],
      ['row 4.code', 'duplicate'],
    ]);
    expect(steps).toEqual(['check']);
    expect(await events('run-bad')).toEqual([]);
  });

  it('commits the audit events with the write, then runs what follows the commit', async () => {
    const steps: string[] = [];
    const created = await runImport(ctx, { csv: '编码,数量\nA,1\nB,2' }, definition('run-good', steps));
    expect(created).toBe(2);
    expect(steps).toEqual(['check', 'prepare', 'after']);
    expect((await events('run-good')).map((e) => [e.entityId, e.actorLabel])).toEqual([
      ['A', 'import test'],
      ['B', 'import test'],
    ]);
  });

  it('rolls everything back when the write fails part way', async () => {
    const steps: string[] = [];
    const failing = definition('run-rollback', steps, async (tx) => {
      await audit(
        tx,
        { userId: null, label: 'import test' },
        {
          action: 'thing.import',
          entityType: 'run-rollback',
          entityId: 'A',
        },
      );
      throw new AppError('INVALID_STATE', 'refused half way');
    });
    await expect(runImport(ctx, { csv: '编码,数量\nA,1' }, failing)).rejects.toThrow('refused half way');
    expect(await events('run-rollback')).toEqual([]);
    expect(steps).toEqual(['check', 'prepare']);
  });

  it('refuses a file without rows when the import requires some', async () => {
    const error = await runImport(ctx, { csv: '编码,数量\n' }, definition('run-empty', [])).catch(
      (e: unknown) => e as AppError,
    );
    expect(error).toMatchObject({ code: 'VALIDATION', errors: [{ code: 'empty_file' }] });
  });
});
