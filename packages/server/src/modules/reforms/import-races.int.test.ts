import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUnit } from '../../test-support/factories.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { districtRoot } from '../units/api.js';
import { createProject } from './commands/createProject.js';
import { importProjects } from './commands/importProjects.js';
import type { ReformProject } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { freshProject, unitId } from './test-helpers.js';

/**
 * A code the ledger's file makes anew, taken by a project made by hand after the file was
 * checked: its row is refused, naming the code, and nothing of the file is written. `racing`
 * puts the project made by hand there, on PGlite and PostgreSQL; one still uncommitted when the
 * import writes is met at the unique index, which only PostgreSQL's second connection shows (on
 * PGlite the import's transaction waits for it, and then finds it committed).
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
let known: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  known = await freshProject(t, office, []);
});
afterAll(() => t.close());

const row = (code: string, name: string, endDate = '2026-12-31') => ({
  code,
  name,
  list: known.listName,
  source: '区级',
  leadUnit: known.leadUnitName,
  coUnits: '',
  startDate: '2026-01-01',
  endDate,
  goal: '',
});

const byHand = (code: string) => async () =>
  expect(
    (
      await office.post('/api/v1/reforms/projects', {
        code,
        name: '导入期间手工新增的项目',
        listId: known.listId,
        source: 'local',
        leadUnitId: await unitId(t, 'QJ-D01'),
        startDate: '2026-01-01',
        endDate: '2026-06-30',
      })
    ).status,
  ).toBe(201);

const projects = async () =>
  (await office.get<{ items: ReformProject[] }>('/api/v1/reforms/projects?pageSize=200')).body.items
    .map((p) => `${p.code} ${p.name} ${p.endDate}`)
    .sort();

describe('a new code of the file taken by hand since the file was checked', () => {
  it('refuses its row naming the code, in the reader’s language, and writes nothing of the file', async () => {
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      row(known.code, known.name, '2027-03-31'),
      row('QJGG-I001', '导入新增的项目'),
      row('QJGG-I002', '与手工新增撞号的项目'),
    ]);
    const before = await projects();
    const importing = importProjects(
      { ...officeCtx, locale: 'en', db: racing(officeCtx.db, byHand('QJGG-I002')) },
      async () => file,
    );
    expect(await refusal(importing)).toMatchObject({
      code: 'VALIDATION',
      errors: [
        {
          path: 'row 4.code',
          code: 'taken',
          params: expect.objectContaining({ value: 'QJGG-I002' }),
          message:
            'Project code “QJGG-I002” was taken by a project created meanwhile; check it and import again',
        },
      ],
    });
    // The project made by hand stands as made; the file's change and its other new project are not written.
    expect(await projects()).toEqual([...before, 'QJGG-I002 导入期间手工新增的项目 2026-06-30'].sort());
  });
});

describe('a unit the file names, deleted from the tree since the file was checked', () => {
  it('refuses its rows naming the unit, and writes nothing of the file', async () => {
    const district = (await districtRoot(t.database.db))!;
    const [lead, co] = [
      await makeUnit(t, { parent: district, kind: 'department' }),
      await makeUnit(t, { parent: district, kind: 'department' }),
    ];
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      row('QJGG-I021', '导入新增的项目'),
      { ...row('QJGG-I022', '牵头单位被删除的项目'), leadUnit: lead.name },
      { ...row('QJGG-I023', '配合单位被删除的项目'), coUnits: co.name },
    ]);
    const before = await projects();
    const deleted = async () => {
      for (const u of [lead, co]) expect((await office.delete(`/api/v1/units/${u.id}`)).status).toBe(204);
    };
    const importing = importProjects(
      { ...officeCtx, locale: 'en', db: racing(officeCtx.db, deleted) },
      async () => file,
    );
    expect(await refusal(importing)).toMatchObject({
      code: 'VALIDATION',
      errors: [
        expect.objectContaining({
          path: 'row 3.leadUnit',
          code: 'unknown_unit',
          params: expect.objectContaining({ value: lead.name }),
        }),
        expect.objectContaining({
          path: 'row 4.coUnits',
          code: 'unknown_unit',
          params: expect.objectContaining({ value: co.name }),
        }),
      ],
    });
    expect(await projects()).toEqual(before);
  });
});

describe.runIf(!!process.env.DATABASE_URL)(
  'a new code of the file being taken by hand as the import writes',
  () => {
    it('refuses its row naming the code, and writes nothing of the file', async () => {
      const file = await writeSheet('改革任务台账', ledgerColumns, [
        row('QJGG-I011', '导入新增的项目'),
        row('QJGG-I012', '与手工新增撞号的项目'),
      ]);
      const before = await projects();
      // Once the file is checked, the project made by hand is written and held uncommitted while
      // the import looks for its codes again and writes them.
      const held = holdingCommit(officeCtx.db, 1500);
      let making: Promise<unknown> = Promise.resolve();
      const madeByHand = async () => {
        making = createProject(
          { ...officeCtx, db: held.db },
          {
            code: 'QJGG-I012',
            name: '导入期间手工新增的项目',
            listId: known.listId,
            source: 'local',
            leadUnitId: await unitId(t, 'QJ-D01'),
            coUnitIds: [],
            startDate: '2026-01-01',
            endDate: '2026-06-30',
            goal: '',
            pilotLevel: null,
            pilotStatus: null,
          },
        );
        await held.holding;
      };
      const importing = refusal(
        importProjects({ ...officeCtx, db: racing(officeCtx.db, madeByHand) }, async () => file),
      );
      await importing;
      await making;
      expect(await importing).toMatchObject({
        code: 'VALIDATION',
        errors: [
          { path: 'row 3.code', code: 'taken', params: expect.objectContaining({ value: 'QJGG-I012' }) },
        ],
      });
      expect(await projects()).toEqual([...before, 'QJGG-I012 导入期间手工新增的项目 2026-06-30'].sort());
    });
  },
);
