import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import { numbersInFileName, personalFileName } from '../../test-support/file-audit.js';
import { sampleSuggestion } from './test-helpers.js';

/**
 * A scan of a paper suggestion is often named after its author, with their phone or ID number.
 * Every member of staff who reads the suggestion reads its author's name and phone masked, so the
 * scan's name is masked the same way, in the suggestion and in the download's name. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let tree: District;
let organiser: TestClient;
let suggestionId: string;
let scanId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  await makeCampaign(await signedIn(t, 'admin', tree.district));
  organiser = await signedIn(t, 'organiser', tree.street);
  const written = await organiser.post<{ id: string; realName: string }>('/api/v1/ideas/suggestions', {
    ...sampleSuggestion(tree.street.id, 41),
    channel: 'written',
    realName: '王小明',
  });
  expect(written.status, JSON.stringify(written.body)).toBe(201);
  suggestionId = written.body.id;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const scan = await organiser.upload(
    `/api/v1/ideas/suggestions/${suggestionId}/attachments`,
    png,
    personalFileName('png'),
  );
  expect(scan.status, JSON.stringify(scan.body)).toBe(201);
  scanId = scan.body.id;
});
afterAll(() => t.close());

/** The author's name and numbers masked as the suggestion's own fields show them. */
const masked = '王** 138****5678 身份证5001**********1234.png';

describe('the name of a scan named after its author', () => {
  it('is masked to every role that reads the suggestion, in it and in the download', async () => {
    const readers = {
      organiser,
      screener: await signedIn(t, 'screener', tree.street),
      districtAdmin: await signedIn(t, 'admin', tree.district),
    };
    for (const [role, reader] of Object.entries(readers)) {
      const detail = await reader.get<{ realName: string; attachments: { id: string; fileName: string }[] }>(
        `/api/v1/ideas/suggestions/${suggestionId}`,
      );
      expect(detail.status, role).toBe(200);
      expect(detail.body.realName, role).toBe('王**');
      expect(
        detail.body.attachments.map((a) => a.fileName),
        role,
      ).toEqual([masked]);
      const file = await reader.request('GET', `/api/v1/ideas/attachments/${scanId}`);
      expect(file.status, role).toBe(200);
      const disposition = decodeURIComponent(file.headers.get('content-disposition') ?? '');
      expect(disposition, role).toContain(masked);
      for (const secret of [...numbersInFileName, '王小明'])
        expect(JSON.stringify([detail.body, disposition]), role).not.toContain(secret);
    }
  });
});
