import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { writeSheet } from '../../excel/workbook.js';
import { createApp } from '../../http/app.js';
import {
  createTestContext,
  inboxSms,
  silentLog,
  TestClient,
  type TestContext,
} from '../../test-support/app.js';
import { contextOf, holdingCommit, racing } from '../../test-support/racing.js';
import { modules } from '../registry.js';
import { createProject } from './commands/createProject.js';
import type { ReformProject } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { freshProject, unitId, XLSX } from './test-helpers.js';

/**
 * The ledger's import over HTTP while a project is made by hand with one of the file's new codes:
 * the answer is the file's report, naming the row and its code (problem+json, `row N.code`,
 * `taken`, in the reader's language), never a conflict that names nothing. The project made by
 * hand after the file was checked is seen on PGlite and PostgreSQL; one still uncommitted as the
 * import writes, met at the unique index, only on PostgreSQL's second connection.
 */
let t: TestContext;
let office: TestClient;
let known: ReformProject;
/** What another user does after the next request's checks, before its write. */
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
  t = await createTestContext({ seed: ['units', 'users'] });
  known = await freshProject(t, await t.as('office'), []);
  const app = createApp({
    modules,
    database: { ...t.database, db: racingEach(t.database.db) },
    log: silentLog,
    sms: inboxSms(),
    version: 'test',
    sessionDays: 1,
    secureCookies: false,
    trustProxy: () => true,
  });
  office = new TestClient(app, '10.2.0.1');
  await office.login('office', t.accounts.office!);
});
afterAll(() => t.close());

const row = (code: string, name: string) => ({
  code,
  name,
  list: known.listName,
  source: '区级',
  leadUnit: known.leadUnitName,
  coUnits: '',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  goal: '',
});
const byHand = async (code: string) => ({
  code,
  name: '导入期间手工新增的项目',
  listId: known.listId,
  source: 'local' as const,
  leadUnitId: await unitId(t, 'QJ-D01'),
  coUnitIds: [],
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  goal: '',
  pilotLevel: null,
  pilotStatus: null,
});
const importing = async (rows: Array<ReturnType<typeof row>>) =>
  office.request<{ code: string; errors: unknown[] }>(
    'POST',
    '/api/v1/reforms/projects/import',
    new Uint8Array(await writeSheet('改革任务台账', ledgerColumns, rows)),
    { 'content-type': XLSX, 'accept-language': 'en' },
  );
const codes = async () =>
  (await office.get<{ items: ReformProject[] }>('/api/v1/reforms/projects?pageSize=200')).body.items
    .map((p) => p.code)
    .sort();
const takenRow = (row: number, code: string) => ({
  code: 'VALIDATION',
  errors: [
    expect.objectContaining({
      path: `row ${row}.code`,
      code: 'taken',
      params: expect.objectContaining({ value: code }),
      message: expect.stringContaining('was taken by a project created meanwhile'),
    }),
  ],
});

describe('a new code of the file taken by hand since the file was checked', () => {
  it('is answered as the file’s report naming the row', async () => {
    const before = await codes();
    const ctx = await contextOf(t, office);
    meanwhile = async () => createProject(ctx, await byHand('QJGG-H002'));
    const res = await importing([row('QJGG-H001', '导入新增的项目'), row('QJGG-H002', '撞号的项目')]);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject(takenRow(3, 'QJGG-H002'));
    expect(await codes()).toEqual([...before, 'QJGG-H002'].sort());
  });
});

describe.runIf(!!process.env.DATABASE_URL)(
  'a new code of the file being taken by hand as the import writes',
  () => {
    it('is answered as the file’s report naming the row', async () => {
      const before = await codes();
      const ctx = await contextOf(t, office);
      // Once the file is checked, the project made by hand is written and held uncommitted while
      // the import looks for its codes again and writes them.
      const held = holdingCommit(t.database.db, 1500);
      let making: Promise<unknown> = Promise.resolve();
      meanwhile = async () => {
        making = createProject({ ...ctx, db: held.db }, await byHand('QJGG-H012'));
        await held.holding;
      };
      const res = await importing([row('QJGG-H011', '导入新增的项目'), row('QJGG-H012', '撞号的项目')]);
      await making;
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject(takenRow(3, 'QJGG-H012'));
      expect(await codes()).toEqual([...before, 'QJGG-H012'].sort());
    });
  },
);
