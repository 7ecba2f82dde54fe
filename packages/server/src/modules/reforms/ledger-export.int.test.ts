import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sheetRows } from '../../test-support/workbook.js';
import type { ReformProjectSummary } from './contracts.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
});
afterAll(() => t.close());

/** The codes of the projects the list shows for `query`, and of the rows its export writes. */
async function listedAndExported(query: string) {
  const list = await office.get<{ items: ReformProjectSummary[] }>(
    `/api/v1/reforms/projects?pageSize=200&${query}`,
  );
  const file = await office.get<Uint8Array>(`/api/v1/reforms/projects/export?${query}`);
  expect(file.status).toBe(200);
  const [, ...rows] = await sheetRows(file.body);
  return { listed: list.body.items.map((p) => p.code), exported: rows.map((r) => r[0]) };
}

describe('the ledger export', () => {
  it('holds the projects the ledger page’s filters select, as the list shows them', async () => {
    const behind = await listedAndExported('status=behind');
    expect(behind.listed.length).toBeGreaterThan(0);
    expect(behind.listed.length).toBeLessThan(145);
    expect(behind.exported).toEqual(behind.listed);
    const lists = await office.get<Array<{ id: string }>>('/api/v1/reforms/lists');
    const oneList = await listedAndExported(`list=${lists.body[0]!.id}&q=改革`);
    expect(oneList.exported).toEqual(oneList.listed);
    expect((await listedAndExported('')).exported).toHaveLength(145);
  });

  it('refuses a filter the list would refuse, with the field named', async () => {
    const bad = await office.get<{ errors: Array<{ path: string }> }>(
      '/api/v1/reforms/projects/export?status=sideways',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toContain('status');
  });
});
