import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonName } from '../../privacy.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { listedEvents, storedFileEntries } from '../../test-support/file-audit.js';
import { accountsByIds, userIdByLogin } from '../users/api.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import type { Visit } from './contracts-visits.js';
import { type Issues, openIssues, verifierOffTeam, whileUnderWay } from './rectification-helpers.js';
import { inspectionVisits } from './schema.js';
import { pngBytes } from './test-helpers.js';

/**
 * A visit's photos are often named after the people of the visit: a member of its team who took
 * them, or one of the firm's staff who sent the rectification's (张三-整改.jpg). The audit log keeps
 * and shows such a name with the person's name masked, as it does the numbers in it, and a
 * verifier off the team reads it masked the same way, in the visit and the download; the team
 * and the office read it whole. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let findingId: string;
let team: TestClient;
let verifier: TestClient;
let memberName: string;
let staffName: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
  const teamAccounts = await accountsByIds(db, await accountsOfInspectors(db, visit!.inspectorIds));
  const member = [...teamAccounts.values()][0]!;
  memberName = member.displayName;
  const firmUser = (await userIdByLogin(db, 'firm1'))!;
  staffName = (await accountsByIds(db, [firmUser])).get(firmUser)!.displayName;
  expect([...memberName].length, 'a name of two characters or more').toBeGreaterThan(1);
  expect([...staffName].length, 'a name of two characters or more').toBeGreaterThan(1);
  const teamLogins = new Set([...teamAccounts.values()].map((a) => a.login));
  ({ findingId, verifier } = await verifierOffTeam(t, issues, teamLogins));
  team = await t.as(member.login);
});
afterAll(() => t.close());

const named = (name: string, what: string) => `${name}-${what}.png`;

const whileStarted = <T>(work: () => Promise<T>) => whileUnderWay(t, issues.visitId, work);

/** Uploads a file as `client`, removes it if `remove` names where, and answers its id. */
async function uploaded(client: TestClient, path: string, fileName: string, remove?: string) {
  const file = await client.upload(path, pngBytes, fileName);
  expect(file.status, JSON.stringify(file.body)).toBe(201);
  if (remove) expect((await client.request('DELETE', `${remove}/${file.body.id}`)).status).toBe(204);
  return file.body.id as string;
}

describe('a visit’s photo named after one of its people', () => {
  it('is kept and shown in the audit log with the name masked, added and removed', async () => {
    const photoPath = `/api/v1/inspections/findings/${findingId}/photos`;
    const memberPhoto = await whileStarted(() =>
      uploaded(team, photoPath, named(memberName, '现场'), '/api/v1/inspections/photos'),
    );
    const staffPhoto = await uploaded(
      issues.firm,
      `/api/v1/inspections/findings/${findingId}/rectification-photos`,
      named(staffName, '整改'),
      '/api/v1/inspections/rectification-photos',
    );
    const office = await t.as('office');
    for (const [id, name, what, action] of [
      [memberPhoto, memberName, '现场', 'inspectionPhoto'],
      [staffPhoto, staffName, '整改', 'inspectionRectificationPhoto'],
    ] as const) {
      const entry = expect.objectContaining({ fileName: named(maskPersonName(name)!, what) });
      const stored = await storedFileEntries(t, id);
      expect(stored).toEqual([
        { action: `${action}.add`, entry },
        { action: `${action}.remove`, entry },
      ]);
      expect(JSON.stringify([stored, await listedEvents(office, id)])).not.toContain(name);
    }
  });

  it('is named masked to a verifier off the team, in the visit and the download, and whole to the team', async () => {
    const photo = await whileStarted(() =>
      uploaded(team, `/api/v1/inspections/findings/${findingId}/photos`, named(memberName, '隐患')),
    );
    const rectification = await uploaded(
      issues.firm,
      `/api/v1/inspections/findings/${findingId}/rectification-photos`,
      named(staffName, '复查'),
    );
    const names = async (reader: TestClient) => {
      const res = await reader.get<Visit>(`/api/v1/inspections/visits/${issues.visitId}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const finding = res.body.items.find((i) => i.finding?.id === findingId)!.finding!;
      const listed = [...finding.photos, ...finding.rectificationPhotos]
        .filter((p) => p.id === photo || p.id === rectification)
        .map((p) => p.fileName);
      const downloaded = await Promise.all(
        [`photos/${photo}`, `rectification-photos/${rectification}`].map(async (path) => {
          const file = await reader.request('GET', `/api/v1/inspections/${path}`);
          expect(file.status).toBe(200);
          const header = file.headers.get('content-disposition') ?? '';
          return decodeURIComponent(header.replace(/^.*filename\*=UTF-8''/, ''));
        }),
      );
      return { listed, downloaded };
    };
    const masked = [named(maskPersonName(memberName)!, '隐患'), named(maskPersonName(staffName)!, '复查')];
    expect(await names(verifier)).toEqual({ listed: masked, downloaded: masked });
    const whole = [named(memberName, '隐患'), named(staffName, '复查')];
    for (const reader of [team, await t.as('office')])
      expect(await names(reader)).toEqual({ listed: whole, downloaded: whole });
  });
});
