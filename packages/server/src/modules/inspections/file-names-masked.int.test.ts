import { and, eq, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import {
  listedEvents,
  maskedFileName,
  numbersInFileName,
  personalFileName,
  storedFileEntries,
} from '../../test-support/file-audit.js';
import { accountsByIds } from '../users/api.js';
import type { Visit } from './contracts-visits.js';
import { openIssues } from './rectification-helpers.js';
import { inspectionInspectors, inspectionPlans, inspectionVisits } from './schema.js';
import { pngBytes } from './test-helpers.js';

/**
 * A photo of a finding or of its rectification is often named after whom it concerns, with their
 * phone or ID number: the audit log keeps that name with the numbers masked, as it is added and
 * removed.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

/** Uploads a photo named after a person, removes it, and checks what the log keeps and shows. */
async function uploadedAndRemoved(client: TestClient, ownerPath: string, filePath: string, action: string) {
  const file = await client.upload(ownerPath, pngBytes, personalFileName('png'));
  expect(file.status, JSON.stringify(file.body)).toBe(201);
  expect((await client.request('DELETE', `${filePath}/${file.body.id}`)).status).toBe(204);
  const stored = await storedFileEntries(t, file.body.id);
  const entry = expect.objectContaining({ id: file.body.id, fileName: maskedFileName('png') });
  expect(stored).toEqual([
    { action: `${action}.add`, entry },
    { action: `${action}.remove`, entry },
  ]);
  const logged = JSON.stringify([stored, await listedEvents(office, file.body.id)]);
  for (const n of numbersInFileName) expect(logged).not.toContain(n);
}

/** A visit of the demo's published week due by today, started by one of its team. */
async function startedVisit() {
  const [visit] = await t.database.db
    .select({ id: inspectionVisits.id, inspectorIds: inspectionVisits.inspectorIds })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionPlans.status, 'published'),
        eq(inspectionVisits.status, 'planned'),
        lte(inspectionVisits.date, todayInChina()),
      ),
    )
    .orderBy(inspectionVisits.id)
    .limit(1);
  expect(visit).toBeDefined();
  const [inspector] = await t.database.db
    .select({ userId: inspectionInspectors.userId })
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, visit!.inspectorIds[0]!));
  const login = (await accountsByIds(t.database.db, [inspector!.userId])).get(inspector!.userId)!.login;
  const team = await t.as(login);
  const started = await team.post<Visit>(`/api/v1/inspections/visits/${visit!.id}/start`);
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return { team, visit: started.body };
}

describe('the audit log of an inspection photo named after a person', () => {
  it('masks the numbers in the name of a finding’s photo', async () => {
    const { team, visit } = await startedVisit();
    const item = visit.items[0]!;
    const recorded = await team.put<Visit>(`/api/v1/inspections/visits/${visit.id}/findings/${item.id}`, {
      result: 'compliant',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const finding = recorded.body.items.find((i) => i.id === item.id)!.finding!;
    await uploadedAndRemoved(
      team,
      `/api/v1/inspections/findings/${finding.id}/photos`,
      '/api/v1/inspections/photos',
      'inspectionPhoto',
    );
  });

  it('masks the numbers in the name of a rectification’s photo', async () => {
    const issues = await openIssues(t);
    await uploadedAndRemoved(
      issues.firm,
      `/api/v1/inspections/findings/${issues.findings[0]!.id}/rectification-photos`,
      '/api/v1/inspections/rectification-photos',
      'inspectionRectificationPhoto',
    );
  });
});
