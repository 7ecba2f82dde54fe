import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, racingInside, refusal } from '../../test-support/racing.js';
import { unitByCode } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import { recordStage } from './commands/project-progress.js';
import { updateProject } from './commands/projects.js';
import type { ProjectDetail } from './contracts-projects.js';
import { stageDatesOf, stageEntries } from './projects/lookup.js';

/**
 * A project's stages kept in order when two entries are made at the same moment: the one checked
 * before the other was written is checked again under the project's lock and refused with the
 * date it would cross. `racing` puts the other's whole request between the checks and the write,
 * on PGlite and PostgreSQL alike.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  [office, dept] = await Promise.all([t.as('office'), t.as('dept')]);
});
afterAll(() => t.close());

/** A project signed on 2026-03-02 and registered on 2026-03-20: its id. */
async function registeredProject(): Promise<string> {
  const res = await office.post<ProjectDetail>('/api/v1/business/projects', {
    name: '测试新材料项目',
    investor: '重庆测试材料有限公司',
    amount: 12000,
    chainCode: 'manufacturing',
    commissionerId: await userIdByLogin(t.database.db, 'dept'),
    leadUnitId: (await unitByCode(t.database.db, 'QJ-D02'))!.id,
    signedOn: '2026-03-02',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id;
  const stage = await dept.post(`/api/v1/business/projects/${id}/stages`, {
    stage: 'registered',
    reachedOn: '2026-03-20',
  });
  expect(stage.status, JSON.stringify(stage.body)).toBe(201);
  return id;
}

/** Construction recorded as started on 2026-04-10 by another user, between the checks and the write. */
const startedMeanwhile = (id: string) =>
  racing(t.database.db, async () => {
    const res = await dept.post(`/api/v1/business/projects/${id}/stages`, {
      stage: 'started',
      reachedOn: '2026-04-10',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

describe('two entries of a project at once', () => {
  it('refuses a corrected stage date that a later stage recorded meanwhile comes before', async () => {
    const id = await registeredProject();
    const ctx = { ...(await contextOf(t, dept)), db: startedMeanwhile(id) };
    const refused = await refusal(
      recordStage.run(ctx, { id, entry: { stage: 'registered', reachedOn: '2026-04-20', note: '' } }),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'reachedOn', code: 'after_next_stage', params: { date: '2026-04-10' } }],
    });
    const after = (await dept.get<ProjectDetail>(`/api/v1/business/projects/${id}`)).body;
    expect(JSON.stringify(after)).not.toContain('2026-04-20');
  });

  it('refuses a new signing date that a stage corrected meanwhile comes before', async () => {
    const id = await registeredProject();
    // Registration corrected to 2026-03-10 by another user; the new signing date, checked against 03-20, is after it.
    const ctx = {
      ...(await contextOf(t, office)),
      db: racing(t.database.db, async () => {
        const res = await dept.post(`/api/v1/business/projects/${id}/stages`, {
          stage: 'registered',
          reachedOn: '2026-03-10',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }),
    };
    const refused = await refusal(updateProject.run(ctx, { id, patch: { signedOn: '2026-03-15' } }));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'signedOn', code: 'after_next_stage', params: { date: '2026-03-10' } }],
    });
    const after = (await office.get<ProjectDetail>(`/api/v1/business/projects/${id}`)).body;
    expect(after.signedOn).toBe('2026-03-02');
  });
});

describe.runIf(!!process.env.DATABASE_URL)('a correction written after another that began later', () => {
  it('counts as the latest: an entry is dated when written, not when its transaction began', async () => {
    const id = await registeredProject();
    const other = async () => {
      const res = await dept.post(`/api/v1/business/projects/${id}/stages`, {
        stage: 'registered',
        reachedOn: '2026-03-25',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    const ctx = { ...(await contextOf(t, dept)), db: racingInside(t.database.db, other) };
    await recordStage.run(ctx, { id, entry: { stage: 'registered', reachedOn: '2026-03-28', note: '' } });
    const entries = (await stageEntries(t.database.db, [id])).get(id)!;
    expect(stageDatesOf({ signedOn: '2026-03-02' }, entries).registered).toBe('2026-03-28');
  });
});
