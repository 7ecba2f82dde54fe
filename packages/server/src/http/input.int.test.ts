import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../test-support/factories.js';
import { makeCampaign } from '../test-support/factories-ideas.js';

/** The probe's findings: text and dates the database cannot hold answered 500 on many routes. */
interface Problem {
  code: string;
  errors?: Array<{ path: string; code?: string; params?: Record<string, string | number> }>;
}

let t: TestContext;
let tree: District;
let office: TestClient;
let town: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  town = tree.street.id;
});
afterAll(() => t.close());

const suggestion = (title: string) => ({
  title,
  body: '高铁开通后客流大增，建议开通高铁站到城区的公交接驳专线。',
  townId: town,
  authorKind: 'resident',
});

describe('text the database cannot store', () => {
  it('refuses a NUL in a public suggestion as VALIDATION naming the field', async () => {
    const res = await t
      .client()
      .post<Problem>('/api/v1/public/suggestions', suggestion('高铁站\u0000公交专线'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'title', code: 'invalid_characters' })]);
  });

  it('refuses a lone surrogate sent as a JSON escape, deep inside the body', async () => {
    const raw = JSON.stringify(suggestion('高铁站公交专线建议')).replace('公交专线', '公交\\ud800专线');
    const res = await t.client().post<Problem>('/api/v1/public/suggestions', raw);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ path: 'title', code: 'invalid_characters' });
    const survey = await t.client().post<Problem>('/api/v1/public/survey', {
      townId: town,
      authorKind: 'resident',
      answers: { q1: ['ok', 'x\udfff'] },
    });
    expect(survey.status).toBe(400);
    expect(survey.body.errors?.[0]).toMatchObject({ path: 'answers.q1.1', code: 'invalid_characters' });
  });

  it('refuses it in a login, a staff form and a query string', async () => {
    const login = await t
      .client()
      .post<Problem>('/api/v1/auth/login', { login: 'office\u0000', password: 'x' });
    expect(login.status).toBe(400);
    const unit = await office.post<Problem>('/api/v1/units', {
      code: 'NUL-1',
      name: '单位\u0000',
      kind: 'other',
      parentId: town,
    });
    expect(unit.status).toBe(400);
    expect(unit.body.errors?.[0]?.path).toBe('name');
    const search = await office.get<Problem>('/api/v1/users?q=%00');
    expect(search.status).toBe(400);
    expect(search.body.errors?.[0]).toMatchObject({ path: 'q', code: 'invalid_characters' });
  });

  it('refuses it in uploaded files: a CSV, a workbook cell, a file name', async () => {
    const csv = await office.request<Problem>(
      'POST',
      '/api/v1/targets/regional/import',
      'Sgnyea,Ctnm_id,name_zh\n2020,500114,黔\u0000江',
      { 'content-type': 'text/csv' },
    );
    expect(csv.status).toBe(400);
    expect(csv.body.errors?.[0]).toMatchObject({ path: 'row 2.name_zh', code: 'invalid_characters' });
    // The import's own reader keeps the text _x0000_ of a cell as written: it never becomes a NUL.
    const book = await writeSheet(
      'units',
      [
        { key: 'code', header: '编码' },
        { key: 'name', header: '名称' },
        { key: 'kind', header: '类型' },
        { key: 'parentCode', header: '上级编码' },
        { key: 'sort', header: '排序' },
      ],
      [{ code: 'NUL-2', name: '单位_x0000_', kind: 'other', parentCode: tree.district.code, sort: 1 }],
    );
    const sheet = await office.request<Problem>('POST', '/api/v1/units/import', new Uint8Array(book), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(sheet.status).toBe(200);
    const units = await office.get<Array<{ code: string; name: string }>>('/api/v1/units');
    expect(units.body.find((u) => u.code === 'NUL-2')?.name).toBe('单位_x0000_');
    const written = await office.post<{ id: string }>('/api/v1/ideas/suggestions', {
      ...suggestion('来信建议开通公交专线'),
      channel: 'written',
    });
    const form = new FormData();
    form.set(
      'file',
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'scan\u0000.png'),
    );
    const auth = office as unknown as { cookie: string; csrf: string };
    const scan = await t.app.request(`/api/v1/ideas/suggestions/${written.body.id}/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'x-forwarded-for': '10.2.0.1' },
    });
    expect(scan.status).toBe(400);
    expect(((await scan.json()) as Problem).errors?.[0]).toMatchObject({
      path: 'file',
      code: 'invalid_characters',
    });
  });
});

describe('dates outside the range the platform holds', () => {
  const event = (heldOn: string) => ({
    kind: 'forum',
    title: '高铁时代座谈会',
    heldOn,
    organiserUnitId: town,
  });

  it.each(['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31'])(
    'refuses an event held on %s as VALIDATION with the range',
    async (heldOn) => {
      const res = await office.post<Problem>('/api/v1/ideas/events', event(heldOn));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        {
          path: 'heldOn',
          message: expect.any(String),
          code: 'date_out_of_range',
          params: { minimum: '1900-01-01', maximum: '2100-12-31' },
        },
      ]);
    },
  );

  it.each(['1900-01-01', '2100-12-31'])(
    'takes an event held on %s, the edge of the range',
    async (heldOn) => {
      expect((await office.post('/api/v1/ideas/events', event(heldOn))).status).toBe(201);
    },
  );

  it('refuses a campaign and an action due outside the range', async () => {
    const action = await office.post<Problem>('/api/v1/ideas/actions', {
      title: '开通公交专线',
      ownerUnitId: town,
      dueOn: '0000-01-01',
    });
    expect(action.body.errors?.[0]).toMatchObject({ path: 'dueOn', code: 'date_out_of_range' });
    const campaigns = await office.get<{ items: Array<{ id: string }> }>('/api/v1/ideas/campaigns');
    const res = await office.patch<Problem>(`/api/v1/ideas/campaigns/${campaigns.body.items[0]!.id}`, {
      startsOn: '0000-01-01',
    });
    expect(res.body.errors?.[0]).toMatchObject({ path: 'startsOn', code: 'date_out_of_range' });
  });
});
