import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { maskedFileName, numbersInFileName, personalFileName } from '../../test-support/file-audit.js';
import { accountsByIds } from '../users/api.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import type { Visit } from './contracts-visits.js';
import { type Issues, openIssues, verifierOffTeam, whileUnderWay } from './rectification-helpers.js';
import { inspectionVisits } from './schema.js';
import { pngBytes } from './test-helpers.js';

/**
 * A photo is often named after whom it concerns, with their phone or ID number. The staff of a
 * department who verify a rectification without having been on the visit's team read the visit
 * masked as the lists are: the photos' names too, in the visit and in the download's name. The
 * team, the office and the firm read them whole. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let findingId: string;
let team: TestClient;
let verifier: TestClient;
let photoId: string;
let rectificationPhotoId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
  const teamIds = await accountsOfInspectors(db, visit!.inspectorIds);
  const teamLogins = new Set([...(await accountsByIds(db, teamIds)).values()].map((a) => a.login));
  ({ findingId, verifier } = await verifierOffTeam(t, issues, teamLogins));
  team = await t.as([...teamLogins][0]!);
  const photo = await whileUnderWay(t, visit!.id, () =>
    team.upload(`/api/v1/inspections/findings/${findingId}/photos`, pngBytes, personalFileName('png')),
  );
  expect(photo.status, JSON.stringify(photo.body)).toBe(201);
  photoId = photo.body.id;
  const rectification = await issues.firm.upload(
    `/api/v1/inspections/findings/${findingId}/rectification-photos`,
    pngBytes,
    personalFileName('png'),
  );
  expect(rectification.status, JSON.stringify(rectification.body)).toBe(201);
  rectificationPhotoId = rectification.body.id;
});
afterAll(() => t.close());

/** The finding's photos' names as the reader's view of the visit gives them. */
async function photoNames(reader: TestClient) {
  const res = await reader.get<Visit>(`/api/v1/inspections/visits/${issues.visitId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const finding = res.body.items.find((i) => i.finding?.id === findingId)!.finding!;
  return [...finding.photos, ...finding.rectificationPhotos].map((p) => p.fileName);
}

/** The names the reader's downloads of the two photos are offered under. */
async function downloadNames(reader: TestClient) {
  return Promise.all(
    [`photos/${photoId}`, `rectification-photos/${rectificationPhotoId}`].map(async (path) => {
      const res = await reader.request('GET', `/api/v1/inspections/${path}`);
      expect(res.status).toBe(200);
      const header = res.headers.get('content-disposition') ?? '';
      return decodeURIComponent(header.replace(/^.*filename\*=UTF-8''/, ''));
    }),
  );
}

describe('the photos of a visit named after a person', () => {
  it('are named with the numbers masked to a verifier off the team, in the visit and the download', async () => {
    const masked = [maskedFileName('png'), maskedFileName('png')];
    expect(await photoNames(verifier)).toEqual(masked);
    expect(await downloadNames(verifier)).toEqual(masked);
    const seen = JSON.stringify([await photoNames(verifier), await downloadNames(verifier)]);
    for (const n of numbersInFileName) expect(seen).not.toContain(n);
  });

  it('are named whole to the team and the office, and the firm downloads its own whole', async () => {
    const whole = [personalFileName('png'), personalFileName('png')];
    for (const reader of [team, await t.as('office')]) {
      expect(await photoNames(reader)).toEqual(whole);
      expect(await downloadNames(reader)).toEqual(whole);
    }
    expect(await downloadNames(issues.firm)).toEqual(whole);
  });
});
