import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { assignLiaison } from './commands/liaison.js';
import { logVisit } from './commands/logVisit.js';
import { raiseRequest } from './commands/raiseRequest.js';
import type { LiaisonPage } from './contracts-liaison.js';
import { businessLiaisonPairs, businessLiaisonVisits, businessRequests } from './schema.js';

/**
 * Two office members pairing the same firm at the same moment: the one whose change the other
 * overtook is refused at the firm's row (`paired_meanwhile`), neither overwriting the other's
 * cadre unseen nor meeting it at the database's unique index as a bare conflict. `racing` puts
 * the other's whole request between the checks and the write, on PGlite and PostgreSQL alike.
 */
let t: TestContext;
let office: TestClient;
let page: LiaisonPage;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  page = (await office.get<LiaisonPage>('/api/v1/business/liaison?pageSize=200')).body;
});
afterAll(() => t.close());

const assign = (pairs: Array<{ firmId: string; cadreId: string | null }>) =>
  office.post('/api/v1/business/liaison/pairs', { pairs });

/** The office's context, another member's pairing applied between its checks and its write. */
const meanwhile = async (pairs: Array<{ firmId: string; cadreId: string | null }>) => ({
  ...(await contextOf(t, office)),
  db: racing(t.database.db, async () => expect((await assign(pairs)).status).toBe(200)),
});

const currentCadres = async (firmId: string) =>
  (
    await t.database.db
      .select({ cadreId: businessLiaisonPairs.cadreId })
      .from(businessLiaisonPairs)
      .where(and(eq(businessLiaisonPairs.firmId, firmId), isNull(businessLiaisonPairs.endedOn)))
  ).map((p) => p.cadreId);

describe('one firm paired by two office members at once', () => {
  it('refuses the second pairing of an unpaired firm, at its row', async () => {
    const [a, b] = page.cadres;
    const firmId = page.items[0]!.firmId;
    expect((await assign([{ firmId, cadreId: null }])).status).toBe(200);
    const ctx = await meanwhile([{ firmId, cadreId: a!.id }]);
    const refused = await refusal(assignLiaison.run(ctx, { pairs: [{ firmId, cadreId: b!.id }] }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'pairs.0.firmId', code: 'paired_meanwhile' }],
    });
    expect(await currentCadres(firmId)).toEqual([a!.id]);
  });

  it('refuses a change of cadre that another change overtook, keeping the other one', async () => {
    const item = page.items[1]!;
    const others = page.cadres.filter((c) => c.id !== item.cadreId);
    const [y, z] = others;
    const ctx = await meanwhile([{ firmId: item.firmId, cadreId: y!.id }]);
    const refused = await refusal(
      assignLiaison.run(ctx, {
        pairs: [
          { firmId: page.items[2]!.firmId, cadreId: page.items[2]!.cadreId ?? null },
          { firmId: item.firmId, cadreId: z!.id },
        ],
      }),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'pairs.1.firmId', code: 'paired_meanwhile' }],
    });
    expect(await currentCadres(item.firmId)).toEqual([y!.id]);
  });
});

describe('a visit logged while the office pairs the firm with another cadre', () => {
  it('is refused under the pairing’s lock, logging nothing and raising no request', async () => {
    const cadre = await t.as('cadre');
    const own = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=200')).body;
    const firmId = own.items[0]!.firmId;
    const mine = (await currentCadres(firmId))[0]!;
    const visitsOf = async () =>
      (
        await t.database.db
          .select()
          .from(businessLiaisonVisits)
          .where(eq(businessLiaisonVisits.firmId, firmId))
      ).length;
    const requestsOf = async () =>
      (await t.database.db.select().from(businessRequests).where(eq(businessRequests.firmId, firmId))).length;
    const before = { visits: await visitsOf(), requests: await requestsOf() };
    const other = page.cadres.find((c) => c.id !== mine)!;
    const ctx = {
      ...(await contextOf(t, cadre)),
      db: racing(t.database.db, async () =>
        expect((await assign([{ firmId, cadreId: other.id }])).status).toBe(200),
      ),
    };
    const refused = await refusal(
      logVisit.run(ctx, {
        firmId,
        visit: {
          visitedOn: todayInChina(),
          attendees: '企业负责人',
          topics: '了解生产经营情况',
          issues: [{ title: '用电增容', body: '新生产线需要增容。', categoryCode: 'approval', raise: true }],
        },
      }),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'visitedOn', code: 'unpaired_meanwhile' }],
    });
    expect({ visits: await visitsOf(), requests: await requestsOf() }).toEqual(before);
    expect(await currentCadres(firmId)).toEqual([other.id]);
  });
});

describe('a request a cadre raises for the firm while the office ends the pairing', () => {
  it('is refused under the pairing’s lock, raising nothing', async () => {
    const cadre = await t.as('cadre');
    const own = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=200')).body;
    const firmId = own.items.at(-1)!.firmId;
    const requestsOf = async () =>
      (await t.database.db.select().from(businessRequests).where(eq(businessRequests.firmId, firmId))).length;
    const before = await requestsOf();
    const ctx = {
      ...(await contextOf(t, cadre)),
      db: racing(t.database.db, async () =>
        expect((await assign([{ firmId, cadreId: null }])).status).toBe(200),
      ),
    };
    const refused = await refusal(
      raiseRequest.run(ctx, {
        firmId,
        categoryCode: 'approval',
        title: '用电增容',
        body: '新生产线需要增容。',
      }),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'firmId', code: 'unpaired_meanwhile' }],
    });
    expect(await requestsOf()).toBe(before);
    expect(await currentCadres(firmId)).toEqual([]);
  });
});
