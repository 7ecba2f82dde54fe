import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { unitByCode } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import { recordFunds } from './commands/project-progress.js';
import { updateProject } from './commands/projects.js';
import type { ProjectDetail } from './contracts-projects.js';
import type { Problem } from './test-helpers.js';

/**
 * A project's funds in place are never dated before its signing: funds before the signing date
 * are refused, and so is a signing date moved after funds already recorded. Either checked before
 * the other was written is checked again under the project's lock; `racing` puts the other's whole
 * request between the checks and the write, on PGlite and PostgreSQL alike.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  [office, dept] = await Promise.all([t.as('office'), t.as('dept')]);
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/business/projects/${id}`;

/** A project signed on 2026-03-02, registered on 2026-03-20: its id. */
async function signedProject(): Promise<string> {
  const res = await office.post<ProjectDetail>('/api/v1/business/projects', {
    name: '测试新能源项目',
    investor: '重庆测试能源有限公司',
    amount: 8000,
    chainCode: 'manufacturing',
    commissionerId: await userIdByLogin(t.database.db, 'dept'),
    leadUnitId: (await unitByCode(t.database.db, 'QJ-D02'))!.id,
    signedOn: '2026-03-02',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const stage = await dept.post(`${url(res.body.id)}/stages`, {
    stage: 'registered',
    reachedOn: '2026-03-20',
  });
  expect(stage.status, JSON.stringify(stage.body)).toBe(201);
  return res.body.id;
}

const fundsOn = async (id: string, receivedOn: string) => {
  const res = await dept.post(`${url(id)}/funds`, { receivedOn, amount: 500 });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

describe('a signing date and the funds in place', () => {
  it('refuses a signing date moved after funds already in place, naming their date', async () => {
    const id = await signedProject();
    await fundsOn(id, '2026-03-06');
    await fundsOn(id, '2026-03-05');
    const moved = await office.patch<Problem>(url(id), { signedOn: '2026-03-10' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      expect.objectContaining({ path: 'signedOn', code: 'after_funds', params: { date: '2026-03-05' } }),
    ]);
    expect((await office.get<ProjectDetail>(url(id))).body.signedOn).toBe('2026-03-02');
    // On the day of the first funds it still holds.
    expect((await office.patch(url(id), { signedOn: '2026-03-05' })).status).toBe(200);
  });

  it('refuses funds dated before a signing date moved later meanwhile', async () => {
    const id = await signedProject();
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => {
        const res = await office.patch(url(id), { signedOn: '2026-03-10' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }),
    };
    const refused = await refusal(
      recordFunds.run(ctx, { id, entry: { receivedOn: '2026-03-05', amount: 500, note: '' } }),
    );
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'receivedOn', code: 'before_signing', params: { date: '2026-03-10' } }],
    });
    expect((await office.get<ProjectDetail>(url(id))).body.funds).toEqual([]);
  });

  it('refuses a signing date moved after funds recorded meanwhile', async () => {
    const id = await signedProject();
    const ctx = {
      ...(await contextOf(t, office)),
      db: racing(t.database.db, () => fundsOn(id, '2026-03-05')),
    };
    const refused = await refusal(updateProject.run(ctx, { id, patch: { signedOn: '2026-03-10' } }));
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'signedOn', code: 'after_funds', params: { date: '2026-03-05' } }],
    });
    expect((await office.get<ProjectDetail>(url(id))).body.signedOn).toBe('2026-03-02');
  });
});
