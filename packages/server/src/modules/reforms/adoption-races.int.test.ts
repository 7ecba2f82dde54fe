import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUnit } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { districtRoot } from '../units/api.js';
import { adoptAsProject, adoptIntoBattle, adoptIntoProject } from './commands/adoptSuggestion.js';
import { reformBattleSuggestions, reformProjectSuggestions, reformProjects } from './schema.js';
import { adoptFour, freshProject, timelineCount, unitId } from './test-helpers.js';

/**
 * An adopted suggestion taken up into a list, a project or a battle the office deletes meanwhile:
 * the delete having gone since the adoption's checks, the adoption answers what is gone (a
 * conflict naming the field, or not found), never the database's failure, and writes nothing:
 * no project, no link, no line on the suggestion's timeline. `racing` puts the delete between
 * the checks and the write, on PGlite and PostgreSQL.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
/** Adopted suggestions taken up into nothing yet, one for each test. */
let free: string[];

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'ideas'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  const adopted = await adoptFour(t, office);
  free = adopted.body
    .filter((a) => a.projects.length === 0 && a.battles.length === 0)
    .map((a) => a.suggestionId);
  expect(free.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => t.close());

const meanwhile = (work: () => Promise<unknown>) => ({ ...officeCtx, db: racing(officeCtx.db, work) });
const deleted = (path: string) => async () => expect((await office.delete(path)).status).toBe(204);
const linksOf = async (suggestionId: string) => [
  ...(await t.database.db
    .select()
    .from(reformProjectSuggestions)
    .where(eq(reformProjectSuggestions.suggestionId, suggestionId))),
  ...(await t.database.db
    .select()
    .from(reformBattleSuggestions)
    .where(eq(reformBattleSuggestions.suggestionId, suggestionId))),
];
const withCode = (code: string) =>
  t.database.db.select().from(reformProjects).where(eq(reformProjects.code, code));
let made = 0;
async function newProject(leadUnitId: string) {
  made += 1;
  const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: `采纳清单${made}` });
  return {
    code: `QJGG-A${String(made).padStart(3, '0')}`,
    name: `采纳转化的项目${made}`,
    listId: list.body.id,
    source: 'local' as const,
    leadUnitId,
    coUnitIds: [],
    startDate: '2026-01-01',
    endDate: '2027-06-30',
    goal: '',
    pilotLevel: null,
    pilotStatus: null,
  };
}

/** The adoption refused as `refusal` says, and nothing of it written. */
async function refusedLeavingNothing(
  suggestionId: string,
  adopting: Promise<unknown>,
  expected: Record<string, unknown>,
  code?: string,
) {
  const timeline = await timelineCount(t);
  expect(await refusal(adopting)).toMatchObject(expected);
  expect(await linksOf(suggestionId)).toEqual([]);
  expect(await timelineCount(t)).toBe(timeline);
  if (code) expect(await withCode(code)).toEqual([]);
}

describe('an adopted suggestion taken up into what the office deleted since the checks', () => {
  it('as a new project on a list deleted meanwhile: refused naming the list', async () => {
    const project = await newProject(await unitId(t, 'QJ-D01'));
    const gone = meanwhile(deleted(`/api/v1/reforms/lists/${project.listId}`));
    await refusedLeavingNothing(
      free[0]!,
      adoptAsProject(gone, { suggestionId: free[0]!, project }),
      {
        code: 'CONFLICT',
        errors: [expect.objectContaining({ path: 'project.listId', code: 'unknown_list' })],
      },
      project.code,
    );
  });

  it('as a new project led by a unit deleted meanwhile: refused naming the lead unit', async () => {
    const unit = await makeUnit(t, { parent: (await districtRoot(t.database.db))!, kind: 'department' });
    const project = await newProject(unit.id);
    const gone = meanwhile(deleted(`/api/v1/units/${unit.id}`));
    await refusedLeavingNothing(
      free[1]!,
      adoptAsProject(gone, { suggestionId: free[1]!, project }),
      {
        code: 'CONFLICT',
        errors: [expect.objectContaining({ path: 'project.leadUnitId', code: 'unknown_unit' })],
      },
      project.code,
    );
  });

  it('into a project deleted meanwhile: not found', async () => {
    const p = await freshProject(t, office, []);
    const gone = meanwhile(deleted(`/api/v1/reforms/projects/${p.id}`));
    await refusedLeavingNothing(
      free[2]!,
      adoptIntoProject(gone, { suggestionId: free[2]!, projectId: p.id }),
      {
        code: 'NOT_FOUND',
      },
    );
  });

  it('into a battle deleted meanwhile: not found', async () => {
    const battle = await office.post<{ id: string }>('/api/v1/reforms/battles', {
      name: '采纳时删除的攻坚战',
      leadUnitId: await unitId(t, 'QJ-D01'),
      step: 'rise',
    });
    expect(battle.status).toBe(201);
    const gone = meanwhile(deleted(`/api/v1/reforms/battles/${battle.body.id}`));
    await refusedLeavingNothing(
      free[3]!,
      adoptIntoBattle(gone, { suggestionId: free[3]!, battleId: battle.body.id }),
      { code: 'NOT_FOUND' },
    );
  });
});
