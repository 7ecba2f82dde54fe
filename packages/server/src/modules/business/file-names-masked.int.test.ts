import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  listedEvents,
  maskedFileName,
  numbersInFileName,
  personalFileName,
  storedFileEntries,
} from '../../test-support/file-audit.js';
import type { RequestDetail } from './contracts-requests.js';

/**
 * A firm often names a request's file after whom it concerns, with their phone or ID number: the
 * audit log keeps and shows that name with the numbers masked, in the file's entry and as the title
 * of its event; the request's own page keeps the name whole.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('the audit log of a request’s file named after a person', () => {
  it('masks the numbers in the name, in the entry and the title, to the log’s readers', async () => {
    const firm = await t.as('firm1');
    const raised = await firm.post<RequestDetail>('/api/v1/business/requests', {
      categoryCode: 'approval',
      title: '用电报装进度咨询',
      body: '我司新厂房用电报装已提交两周，请告知进度。',
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const file = await firm.upload(
      `/api/v1/business/requests/${raised.body.id}/files`,
      png,
      personalFileName('png'),
    );
    expect(file.status, JSON.stringify(file.body)).toBe(201);

    const stored = await storedFileEntries(t, file.body.id);
    expect(stored).toEqual([
      {
        action: 'requestFile.add',
        entry: expect.objectContaining({ id: file.body.id, fileName: maskedFileName('png') }),
      },
    ]);
    const shown = await Promise.all(
      ['office', 'supervisor'].map(async (login) => listedEvents(await t.as(login), file.body.id)),
    );
    for (const events of shown)
      expect(events.map((e) => [e.action, e.entityTitle])).toEqual([
        ['requestFile.add', maskedFileName('png')],
      ]);
    const logged = JSON.stringify([stored, shown]);
    for (const n of numbersInFileName) expect(logged).not.toContain(n);

    const own = await firm.get<RequestDetail>(`/api/v1/business/requests/${raised.body.id}`);
    expect(own.body.attachments.map((a) => a.fileName)).toEqual([personalFileName('png')]);
  });
});
