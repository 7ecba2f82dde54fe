import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { listedEvents } from '../../test-support/file-audit.js';
import { accountsByIds } from '../users/api.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import type { Visit } from './contracts-visits.js';
import { type Issues, openIssues, report, returnPath, whileUnderWay } from './rectification-helpers.js';
import { freeDay, publishedPlan } from './reschedule-helpers.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/**
 * What people type on a visit often quotes whom to call: a finding's note and requirement, a
 * rectification's note and the reason it is returned, a rating's comment, a rescheduling's
 * reason. The audit log keeps and shows each with the phone and ID numbers masked, as the
 * verifiers' view and the other modules' logs do. Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let team: TestClient[];
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  office = await t.as('office');
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
  const accounts = await accountsByIds(db, await accountsOfInspectors(db, visit!.inspectorIds));
  team = await Promise.all([...accounts.values()].map((a) => t.as(a.login)));
  expect(team.length, 'a team of two or more').toBeGreaterThan(1);
});
afterAll(() => t.close());

const phone = '13812345678';
const id = '500101199001011234';
const quoting = (text: string) => `${text}，联系人电话 ${phone}，身份证 ${id}`;
const masked = (text: string) => `${text}，联系人电话 138****5678，身份证 5001**********1234`;

/** The entity's events of `action` as stored, oldest first. */
async function stored(entityId: string, action: string) {
  return t.database.db
    .select({ before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), like(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
}

/** Neither the stored events of the entity nor the log's page of them holds a number in clear. */
async function noNumbersLogged(entityId: string) {
  const logged = JSON.stringify([await stored(entityId, '%'), await listedEvents(office, entityId)]);
  expect(logged).not.toContain(phone);
  expect(logged).not.toContain(id);
}

const whileStarted = <T>(work: () => Promise<T>) => whileUnderWay(t, issues.visitId, work);

const findingPath = (itemId: string) => `/api/v1/inspections/visits/${issues.visitId}/findings/${itemId}`;

async function itemOf(findingId: string): Promise<string> {
  const [f] = await t.database.db
    .select({ itemId: inspectionFindings.itemId })
    .from(inspectionFindings)
    .where(eq(inspectionFindings.id, findingId));
  return f!.itemId;
}

describe('the audit log of what people type on a visit', () => {
  it('masks the numbers in a finding’s note and requirement, before and after a correction', async () => {
    const finding = issues.findings[0]!;
    const itemId = await itemOf(finding.id);
    await whileStarted(async () => {
      for (const text of ['现场检查', '复核更正']) {
        const res = await team[0]!.put<Visit>(findingPath(itemId), {
          result: 'issue',
          note: quoting(text),
          requirement: quoting('限期整改'),
          deadlineDays: 5,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    });
    const events = await stored(finding.id, 'inspectionFinding.save');
    expect(events.at(-1)).toMatchObject({
      before: { note: masked('现场检查'), requirement: masked('限期整改') },
      after: { note: masked('复核更正'), requirement: masked('限期整改') },
    });
    await noNumbersLogged(finding.id);
  });

  it('masks the numbers in a rectification’s note and in the reason it is returned', async () => {
    const finding = issues.findings[1] ?? issues.findings[0]!;
    await report(issues.firm, finding.id, quoting('已更换灭火器'));
    const verifier = await t.as(issues.staffOf.get(finding.unitId)!);
    const returned = await verifier.post(returnPath(finding.id), { reason: quoting('照片不清晰') });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(await stored(finding.id, 'inspectionRectification.%')).toEqual([
      { before: null, after: expect.objectContaining({ note: masked('已更换灭火器') }) },
      {
        before: expect.objectContaining({ note: masked('已更换灭火器') }),
        after: { returned: true, reason: masked('照片不清晰') },
      },
    ]);
    await noNumbersLogged(finding.id);
  });

  it('masks the numbers in a rating’s comment', async () => {
    const res = await issues.firm.post(`/api/v1/inspections/my-results/${issues.visitId}/rating`, {
      score: 4,
      comment: quoting('检查规范'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stored(issues.visitId, 'inspectionVisit.rate')).toEqual([
      { before: null, after: { score: 4, comment: masked('检查规范') } },
    ]);
    await noNumbersLogged(issues.visitId);
  });

  it('masks the numbers in a rescheduling’s reason', async () => {
    const { plan, visits } = await publishedPlan(t, office, '改期理由');
    // The teams are drawn at random: the first visit's may be busy on every other day of the plan.
    let visit = visits[0]!;
    let day: string | undefined;
    for (const v of visits) {
      day = await freeDay(t, plan, v);
      visit = v;
      if (day) break;
    }
    expect(day, 'a visit with a free day in the plan').toBeDefined();
    const res = await office.post(`/api/v1/inspections/visits/${visit.id}/reschedule`, {
      date: day,
      reason: quoting('企业负责人出差'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await stored(visit.id, 'inspectionVisit.reschedule')).toEqual([
      { before: { date: visit.date }, after: expect.objectContaining({ reason: masked('企业负责人出差') }) },
    ]);
    await noNumbersLogged(visit.id);
  });
});
