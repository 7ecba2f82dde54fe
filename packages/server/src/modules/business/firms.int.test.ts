import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { sheetNames, sheetRows } from '../../test-support/workbook.js';
import type { Firm } from './contracts.js';
import { fileFirm, freshCode, type Problem, townId } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

const body = async (extra: Record<string, unknown> = {}) => ({
  name: '重庆黔江测试食品有限公司',
  creditCode: freshCode(),
  industryCode: 'C',
  townId: await townId(t, 'QJ-S03'),
  size: 'medium',
  ...extra,
});

describe('the firm registry', () => {
  it('holds the demo district: a few hundred firms, every code valid', async () => {
    const office = await t.as('office');
    const page = await office.get<{ total: number; items: Firm[]; actions: object }>(
      '/api/v1/business/firms?pageSize=200',
    );
    expect(page.status).toBe(200);
    expect(page.body.actions).toEqual({ create: true, import: true });
    expect(page.body.total).toBeGreaterThanOrEqual(300);
    const { isCreditCode } = await import('@qianxing/core/business');
    expect(page.body.items.every((f) => isCreditCode(f.creditCode) && f.townName && f.industryName)).toBe(
      true,
    );
  });

  it('files a firm, whole on its page, masked in the list, its contacts masked in the audit log', async () => {
    const office = await t.as('office');
    const created = await office.post<Firm>(
      '/api/v1/business/firms',
      await body({ contacts: [{ name: '欧阳娜娜', phone: '13987654321' }] }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ industryName: '制造业', townName: '城西街道', size: 'medium' });
    expect(created.body.actions).toEqual({ update: true, manageStaff: true });
    const one = await office.get<Firm>(`/api/v1/business/firms/${created.body.id}`);
    expect(one.body.contacts).toEqual([{ name: '欧阳娜娜', phone: '13987654321' }]);
    const listed = await office.get<{ items: Firm[] }>(
      `/api/v1/business/firms?q=${encodeURIComponent(created.body.creditCode.slice(-8))}`,
    );
    expect(listed.body.items.map((f) => f.id)).toEqual([created.body.id]);
    expect(listed.body.items[0]!.contacts).toEqual([{ name: '欧***', phone: '139****4321' }]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.body.id));
    expect(event?.action).toBe('firm.create');
    expect(JSON.stringify(event?.after)).not.toContain('13987654321');
  });

  it('takes a code as people paste it: spaces, small letters, full-width digits', async () => {
    const office = await t.as('office');
    const code = freshCode();
    const typed = ` ${code.slice(0, 9)} ${code.slice(9).toLowerCase()}`.replace('9', '９');
    const res = await office.post<Firm>('/api/v1/business/firms', await body({ creditCode: typed }));
    expect(res.status).toBe(201);
    expect(res.body.creditCode).toBe(code);
  });

  it.each([
    ['zh-CN', '提交的内容有误'],
    ['en', 'The request is invalid'],
  ])('refuses a wrong check character with the field named (%s)', async (language, title) => {
    const office = await t.as('office');
    const good = freshCode();
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await office.request<Problem>(
      'POST',
      '/api/v1/business/firms',
      await body({ creditCode: wrong }),
      {
        'accept-language': language,
      },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe(title);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'creditCode', code: 'credit_code_check', params: { position: 18 } }),
    ]);
  });

  it.each([
    ['91500114', 'credit_code_length'],
    ['91500114MA5UIIIII0', 'credit_code_character'],
    ['X1500114000000001N', 'credit_code_authority'],
  ])('names what is wrong with %s', async (code, reason) => {
    const office = await t.as('office');
    const res = await office.post<Problem>('/api/v1/business/firms', await body({ creditCode: code }));
    expect(res.body.errors?.[0]).toMatchObject({ path: 'creditCode', code: reason });
  });

  it('refuses a code another firm has (CONFLICT on the field), and an unknown industry', async () => {
    const office = await t.as('office');
    const first = await fileFirm(t, office, 'QJ-T09');
    const again = await office.post<Problem>(
      '/api/v1/business/firms',
      await body({ creditCode: first.creditCode }),
    );
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: 'creditCode', code: 'taken' })]);
    const renamed = await office.patch<Problem>(
      `/api/v1/business/firms/${(await fileFirm(t, office, 'QJ-T09')).id}`,
      {
        creditCode: first.creditCode,
      },
    );
    expect(renamed.status).toBe(409);
    const industry = await office.post<Problem>('/api/v1/business/firms', await body({ industryCode: 'ZZ' }));
    expect(industry.body.errors?.[0]).toMatchObject({ path: 'industryCode', code: 'unknown_industry' });
  });

  it('places a firm in a street, town or township only', async () => {
    const office = await t.as('office');
    const dept = await office.post<Problem>(
      '/api/v1/business/firms',
      await body({ townId: await townId(t, 'QJ-D01') }),
    );
    expect(dept.body.errors?.[0]).toMatchObject({ path: 'townId', code: 'not_a_town' });
  });

  it("keeps an organiser to the street's firms", async () => {
    const organiser = await t.as('organiser');
    const own = await organiser.post<Firm>('/api/v1/business/firms', await body());
    expect(own.status).toBe(201);
    const elsewhere = await organiser.post<Problem>(
      '/api/v1/business/firms',
      await body({ townId: await townId(t, 'QJ-T09') }),
    );
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.errors?.[0]).toMatchObject({ path: 'townId', code: 'outside_scope' });
    const listed = await organiser.get<{ total: number; items: Firm[] }>(
      '/api/v1/business/firms?pageSize=200',
    );
    expect(listed.body.items.every((f) => f.townName === '城西街道')).toBe(true);
    const office = await t.as('office');
    const other = await fileFirm(t, office, 'QJ-T09');
    expect((await organiser.get(`/api/v1/business/firms/${other.id}`)).status).toBe(404);
    expect((await organiser.patch(`/api/v1/business/firms/${other.id}`, { size: 'large' })).status).toBe(404);
    // Moving a firm of the street out of it needs the office over the other town too.
    const moved = await organiser.patch<Problem>(`/api/v1/business/firms/${own.body.id}`, {
      townId: await townId(t, 'QJ-T09'),
    });
    expect(moved.status).toBe(403);
  });

  it('lets the supervisor read and export every firm, and change none', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-T01');
    const supervisor = await t.as('supervisor');
    const page = await supervisor.get<{ actions: object }>('/api/v1/business/firms?pageSize=1');
    expect(page.body.actions).toEqual({ create: false, import: false });
    const read = await supervisor.get<Firm>(`/api/v1/business/firms/${firm.id}`);
    expect(read.status).toBe(200);
    expect(read.body.actions).toEqual({ update: false, manageStaff: false });
    expect((await supervisor.patch(`/api/v1/business/firms/${firm.id}`, { size: 'large' })).status).toBe(403);
    expect((await supervisor.post('/api/v1/business/firms', await body())).status).toBe(403);
  });

  it('exports the filtered firms with their contacts masked', async () => {
    const office = await t.as('office');
    const firm = await fileFirm(t, office, 'QJ-X01', {
      contacts: [
        { name: '田小红', phone: '13900001111' },
        { name: '向军', phone: '023-79223456' },
      ],
    });
    const res = await office.get<Uint8Array>(
      `/api/v1/business/firms/export?q=${firm.creditCode}&size=small&townId=${firm.townId}`,
    );
    expect(res.status).toBe(200);
    const rows = await sheetRows(res.body);
    expect(rows[0]).toEqual([
      '企业名称',
      '统一社会信用代码',
      '行业门类',
      '所在镇街',
      '企业规模',
      '联系人',
      '联系电话',
    ]);
    expect(rows.slice(1)).toEqual([
      [firm.name, firm.creditCode, 'C 制造业', '蓬东乡', '小型', '田**；向*', '139****1111；023****3456'],
    ]);
    expect(await sheetNames(res.body)).toEqual(['企业']);

    const en = await office.request<Uint8Array>(
      'GET',
      `/api/v1/business/firms/export?q=${firm.creditCode}`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(200);
    expect(await sheetNames(en.body)).toEqual(['Firms']);
    expect(await sheetRows(en.body)).toEqual([
      ['Firm name', 'Credit code', 'Industry', 'Town', 'Size', 'Contact', 'Contact phone'],
      [
        firm.name,
        firm.creditCode,
        'C Manufacturing',
        '蓬东乡',
        'Small',
        '田**；向*',
        '139****1111；023****3456',
      ],
    ]);
  });

  it('refuses an export of more firms than a workbook holds, with the count, rather than cutting it short', async () => {
    const office = await t.as('office');
    const before = process.env.QIANXING_EXPORT_MAX_ROWS;
    process.env.QIANXING_EXPORT_MAX_ROWS = '3';
    try {
      const town = await townId(t, 'QJ-T09');
      const listed = await office.get<{ total: number }>(`/api/v1/business/firms?townId=${town}`);
      expect(listed.body.total).toBeGreaterThan(3);
      const res = await office.get<Problem>(`/api/v1/business/firms/export?townId=${town}`);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toMatchObject({
        code: 'export_too_large',
        params: { maximum: 3, total: listed.body.total },
      });
    } finally {
      if (before === undefined) delete process.env.QIANXING_EXPORT_MAX_ROWS;
      else process.env.QIANXING_EXPORT_MAX_ROWS = before;
    }
  });

  it('filters by industry, town and size, a page at a time', async () => {
    const office = await t.as('office');
    const town = await townId(t, 'QJ-T09');
    const all = await office.get<{ total: number; items: Firm[] }>(
      `/api/v1/business/firms?townId=${town}&size=micro&industry=F&pageSize=200`,
    );
    expect(all.body.total).toBe(all.body.items.length);
    expect(
      all.body.items.every((f) => f.townId === town && f.size === 'micro' && f.industryCode === 'F'),
    ).toBe(true);
    const firstPage = await office.get<{ total: number; items: Firm[] }>('/api/v1/business/firms?pageSize=7');
    const secondPage = await office.get<{ total: number; items: Firm[] }>(
      '/api/v1/business/firms?pageSize=7&page=2',
    );
    expect(firstPage.body.items).toHaveLength(7);
    expect(new Set([...firstPage.body.items, ...secondPage.body.items].map((f) => f.id)).size).toBe(14);
  });

  it('keeps the industry list: the GB/T 4754-2017 sections, additions and retirements by the office', async () => {
    const office = await t.as('office');
    const list = await office.get<Array<{ code: string; name: string; active: boolean }>>(
      '/api/v1/business/industries',
    );
    expect(list.body.map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(list.body.find((i) => i.code === 'I')?.name).toBe('信息传输、软件和信息技术服务业');
    const added = await office.post('/api/v1/business/industries', {
      code: 'C13',
      name: '农副食品加工业',
      sort: 3,
    });
    expect(added.status).toBe(201);
    expect((await office.post('/api/v1/business/industries', { code: 'C13', name: '重复' })).status).toBe(
      409,
    );
    expect(
      (await office.post<Firm>('/api/v1/business/firms', await body({ industryCode: 'C13' }))).status,
    ).toBe(201);
    const retired = await office.patch('/api/v1/business/industries/C13', { active: false });
    expect(retired.status).toBe(200);
    const refused = await office.post<Problem>('/api/v1/business/firms', await body({ industryCode: 'C13' }));
    expect(refused.body.errors?.[0]).toMatchObject({ path: 'industryCode', code: 'unknown_industry' });
    expect(
      (await (await t.as('organiser')).patch('/api/v1/business/industries/C13', { active: true })).status,
    ).toBe(403);
  });
});
