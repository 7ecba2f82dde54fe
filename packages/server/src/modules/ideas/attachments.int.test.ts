import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import {
  maskedFileName,
  numbersInFileName,
  personalFileName,
  storedFileEntries,
} from '../../test-support/file-audit.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { removeAttachment } from './commands/removeAttachment.js';
import { auditRows, sampleSuggestion } from './test-helpers.js';

let t: TestContext;
let tree: District;
let organiser: TestClient;
let suggestionId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  await makeCampaign(await signedIn(t, 'admin', tree.district));
  organiser = await signedIn(t, 'organiser', tree.street);
  const written = await organiser.post<{ id: string }>('/api/v1/ideas/suggestions', {
    ...sampleSuggestion(tree.street.id, 40),
    channel: 'written',
    realName: '赵六',
  });
  suggestionId = written.body.id;
});
afterAll(() => t.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Posts one file as multipart/form-data, as the browser does. */
async function upload(client: TestClient, id: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('file', new File([bytes], name));
  const auth = client as unknown as { cookie: string; csrf: string };
  const res = await t.app.request(`/api/v1/ideas/suggestions/${id}/attachments`, {
    method: 'POST',
    body: form,
    headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf, 'x-forwarded-for': '127.0.0.1' },
  });
  return { status: res.status, body: (await res.json()) as { id: string; fileName: string; size: number } };
}

describe('scans of paper suggestions', () => {
  it('attaches a scan, lists it on the suggestion, serves the same bytes, audited', async () => {
    const res = await upload(organiser, suggestionId, PNG, '来信扫描件.png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: '来信扫描件.png', size: PNG.byteLength });
    const detail = await organiser.get<{ attachments: Array<{ id: string }> }>(
      `/api/v1/ideas/suggestions/${suggestionId}`,
    );
    expect(detail.body.attachments.map((a) => a.id)).toEqual([res.body.id]);
    const file = await t.app.request(`/api/v1/ideas/attachments/${res.body.id}`, {
      headers: { cookie: (organiser as unknown as { cookie: string }).cookie },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    // Someone else's file: shown as a page, it may run and load nothing.
    expect(file.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    expect(await auditRows(t.database.db, 'attachment.add', suggestionId)).toHaveLength(1);
  });

  it('refuses a file that is not what its name says, and writes nothing', async () => {
    const before = await t.database.db
      .select()
      .from(attachments)
      .where(eq(attachments.ownerId, suggestionId));
    const fake = await upload(organiser, suggestionId, new TextEncoder().encode('<html>'), 'scan.png');
    expect(fake.status).toBe(415);
    const empty = await upload(organiser, suggestionId, new Uint8Array(), 'scan.pdf');
    expect(empty.status).toBe(400);
    const after = await t.database.db.select().from(attachments).where(eq(attachments.ownerId, suggestionId));
    expect(after).toHaveLength(before.length);
  });

  it('keeps scans from experts, other towns and the public; removes on request', async () => {
    const res = await upload(organiser, suggestionId, PNG, 'second.png');
    const outsiders = [
      signedIn(t, 'expert', tree.district),
      signedIn(t, 'citizen', tree.district),
      signedIn(t, 'department_staff', tree.department),
      signedIn(t, 'enterprise', tree.district),
      signedIn(t, 'organiser', tree.town),
    ];
    for (const c of await Promise.all(outsiders)) {
      expect([403, 404]).toContain((await c.get(`/api/v1/ideas/attachments/${res.body.id}`)).status);
      expect([403, 404]).toContain((await upload(c, suggestionId, PNG, 'x.png')).status);
    }
    expect((await t.client().get(`/api/v1/ideas/attachments/${res.body.id}`)).status).toBe(401);
    expect((await organiser.delete(`/api/v1/ideas/attachments/${res.body.id}`)).status).toBe(204);
    expect((await organiser.get(`/api/v1/ideas/attachments/${res.body.id}`)).status).toBe(404);
    expect(await auditRows(t.database.db, 'attachment.remove', suggestionId)).toHaveLength(1);
  });

  it('removes a scan removed twice at once once, and audits it once', async () => {
    const res = await upload(organiser, suggestionId, PNG, 'twice.png');
    const removedBefore = (await auditRows(t.database.db, 'attachment.remove', suggestionId)).length;
    const ctx = await contextOf(t, organiser);
    // The other request removes it after this one loaded it, before this one writes.
    const other = async () =>
      expect((await organiser.delete(`/api/v1/ideas/attachments/${res.body.id}`)).status).toBe(204);
    await expect(removeAttachment({ ...ctx, db: racing(ctx.db, other) }, res.body.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const removals = await auditRows(t.database.db, 'attachment.remove', suggestionId);
    expect(removals).toHaveLength(removedBefore + 1);
  });

  it('keeps a scan’s name in the audit log with any phone or ID number in it masked', async () => {
    const res = await upload(organiser, suggestionId, PNG, personalFileName('png'));
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe(personalFileName('png'));
    expect((await organiser.delete(`/api/v1/ideas/attachments/${res.body.id}`)).status).toBe(204);
    const stored = (await storedFileEntries(t, suggestionId, 'attachment.')).filter(
      (e) => e.entry.id === res.body.id,
    );
    const entry = expect.objectContaining({ fileName: maskedFileName('png') });
    expect(stored).toEqual([
      { action: 'attachment.add', entry },
      { action: 'attachment.remove', entry },
    ]);
    for (const n of numbersInFileName) expect(JSON.stringify(stored)).not.toContain(n);
  });
});
