import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Firm } from './contracts.js';
import { fileFirm, type Problem } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

const myFirm = async (login: string) => (await t.as(login)).get<Firm>('/api/v1/business/my-firm');

describe("a firm's own accounts", () => {
  it('see their own firm, whole, and no other', async () => {
    const mine = await myFirm('firm1');
    expect(mine.status).toBe(200);
    expect(mine.body.townName).toBe('城西街道');
    expect(mine.body.actions).toEqual({ update: false, manageStaff: false });
    expect(mine.body.contacts[0]?.phone).toMatch(/^139\d{8}$/);
    const firm1 = await t.as('firm1');
    expect((await firm1.get(`/api/v1/business/firms/${mine.body.id}`)).status).toBe(200);
    const other = (await myFirm('firm2')).body;
    expect(other.id).not.toBe(mine.body.id);
    const peek = await firm1.get<Problem>(`/api/v1/business/firms/${other.id}`);
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('NOT_FOUND');
    // Another firm of the same street is just as closed.
    const office = await t.as('office');
    const neighbour = await fileFirm(t, office, 'QJ-S03');
    expect((await firm1.get(`/api/v1/business/firms/${neighbour.id}`)).status).toBe(404);
    expect((await firm1.get('/api/v1/business/firms')).status).toBe(403);
    expect((await firm1.get('/api/v1/business/firms/export')).status).toBe(403);
    expect((await firm1.patch(`/api/v1/business/firms/${mine.body.id}`, { size: 'large' })).status).toBe(403);
    expect((await firm1.get(`/api/v1/business/firms/${mine.body.id}/members`)).status).toBe(403);
  });

  it('are no business of other accounts: they have no firm of their own', async () => {
    for (const login of ['enterprise', 'citizen', 'office', 'supervisor']) {
      const res = await myFirm(login);
      expect(res.status, login).toBe(404);
    }
  });

  it('join their firm by the invitation the office sends, and leave it when taken off', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-T09');
    const invited = await office.post<{ token: string; expiresAt: string }>(
      `/api/v1/business/firms/${firm.id}/invitations`,
      { displayName: '测试企业 王会计' },
    );
    expect(invited.status).toBe(201);
    const guest = t.client();
    const accepted = await guest.post<{ id: string; roles: Array<{ role: string; unitId: string }> }>(
      `/api/v1/auth/invitations/${invited.body.token}/accept`,
      { login: 'firm.wang', password: 'firm-staff-password-7' },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.roles).toEqual([
      expect.objectContaining({ role: 'enterprise', unitId: firm.townId }),
    ]);
    const wang = t.client();
    await wang.login('firm.wang', 'firm-staff-password-7');
    const own = await wang.get<Firm>('/api/v1/business/my-firm');
    expect(own.body.id).toBe(firm.id);

    const members = await office.get<Array<{ userId: string; login: string }>>(
      `/api/v1/business/firms/${firm.id}/members`,
    );
    expect(members.body).toEqual([expect.objectContaining({ userId: accepted.body.id, login: 'firm.wang' })]);
    const removed = await office.delete(`/api/v1/business/firms/${firm.id}/members/${accepted.body.id}`);
    expect(removed.status).toBe(204);
    expect((await wang.get('/api/v1/business/my-firm')).status).toBe(404);
    expect((await wang.get(`/api/v1/business/firms/${firm.id}`)).status).toBe(404);
    expect(
      (await office.delete(`/api/v1/business/firms/${firm.id}/members/${accepted.body.id}`)).status,
    ).toBe(404);
  });

  it("are invited by the organiser of the firm's street only", async () => {
    const office = await t.as('office');
    const inStreet = await fileFirm(t, office, 'QJ-S03');
    const elsewhere = await fileFirm(t, office, 'QJ-T02');
    const organiser = await t.as('organiser');
    const ok = await organiser.post(`/api/v1/business/firms/${inStreet.id}/invitations`, {
      displayName: '员工 甲',
    });
    expect(ok.status).toBe(201);
    const refused = await organiser.post(`/api/v1/business/firms/${elsewhere.id}/invitations`, {
      displayName: '员工 乙',
    });
    expect(refused.status).toBe(404);
    const supervisor = await t.as('supervisor');
    const read = await supervisor.post(`/api/v1/business/firms/${inStreet.id}/invitations`, {
      displayName: '员工 丙',
    });
    expect(read.status).toBe(403);
  });

  it('leave the accounts’ own invitations alone: those make no firm member', async () => {
    const office = await t.as('office');
    const { unitByCode } = await import('../units/api.js');
    const root = (await unitByCode(t.database.db, 'QJ'))!.id;
    const inv = await office.post<{ token: string }>('/api/v1/invitations', {
      displayName: '专家 钱博士',
      roles: [{ role: 'expert', unitId: root }],
    });
    const accepted = await t.client().post(`/api/v1/auth/invitations/${inv.body.token}/accept`, {
      login: 'qian.expert',
      password: 'expert-password-qian-9',
    });
    expect(accepted.status).toBe(201);
    const qian = t.client();
    await qian.login('qian.expert', 'expert-password-qian-9');
    expect((await qian.get('/api/v1/business/my-firm')).status).toBe(404);
  });
});
