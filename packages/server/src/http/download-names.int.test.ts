import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../test-support/app.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { makeDistrict, makeUser, signIn } from '../test-support/factories.js';
import { makeCampaign } from '../test-support/factories-ideas.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signIn(t, await makeUser(t, { roles: [['admin', tree.district]] }));
  // Suggestions are imported into the current campaign: its template needs one.
  await makeCampaign(office);
});
afterAll(() => t.close());

/** The name a download is saved under, as the browser reads it from the response. */
async function savedAs(path: string, language: string) {
  const res = await office.request<Uint8Array>('GET', path, undefined, { 'accept-language': language });
  expect(res.status, path).toBe(200);
  const header = res.headers.get('content-disposition') ?? '';
  return decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '');
}

// Staff who read Chinese got firms.xlsx, units-template.xlsx and the like: each workbook now
// downloads under a name in the reader's language.
describe('a downloaded workbook', () => {
  it.each([
    ['/api/v1/units/export', '单位.xlsx', 'units.xlsx'],
    ['/api/v1/units/template', '单位导入模板.xlsx', 'units-template.xlsx'],
    ['/api/v1/targets/indicators/export', '指标库.xlsx', 'indicators.xlsx'],
    ['/api/v1/targets/indicators/template', '指标库导入模板.xlsx', 'indicators-template.xlsx'],
    ['/api/v1/business/firms/template', '企业导入模板.xlsx', 'firms-template.xlsx'],
    ['/api/v1/business/firms/export', '企业库.xlsx', 'firms.xlsx'],
    ['/api/v1/business/requests/export', '企业诉求.xlsx', 'business-requests.xlsx'],
    ['/api/v1/business/market-entities/template', '市场主体导入模板.xlsx', 'market-entities-template.xlsx'],
    ['/api/v1/ideas/import/template', '建议导入模板.xlsx', 'suggestions-template.xlsx'],
  ])('%s is named in the reader’s language', async (path, zh, en) => {
    expect(await savedAs(path, 'zh-CN,zh;q=0.9')).toBe(zh);
    expect(await savedAs(path, 'en-US,en;q=0.9')).toBe(en);
  });
});
