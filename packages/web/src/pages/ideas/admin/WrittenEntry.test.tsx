import '../../../i18n';
import { File as NodeFile } from 'node:buffer';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../../api/ApiContext';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../components/AppProviders';
import { changeLocale } from '../../../i18n';
import { id, json, sampleTown } from '../../../test-support';
import { WrittenEntry } from './WrittenEntry';

const town = { ...sampleTown, sort: 1, isDemo: true };

/** A fake API; `scanStatus` is what the attachment upload answers. */
function renderEntry(scanStatus: number) {
  const asked: string[] = [];
  const scans: { name: string; size: number }[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(`${request.method} ${path}`);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/public/campaign') return json({ domains: [] });
    if (path === '/api/v1/units') return json([town]);
    if (path === '/api/v1/ideas/events')
      return json({
        items: [{ id: id(9), kind: 'going_out', title: '走进正阳工业园区听企业心声', suggestionIds: [] }],
        actions: { create: true },
      });
    if (path === '/api/v1/ideas/suggestions') return json({ id: id(7), trackingCode: 'AB12CD34EF' }, 201);
    if (path === `/api/v1/ideas/suggestions/${id(7)}/attachments`) {
      // Read as form data, as the server does; the file arrives as the fetch implementation's own File.
      const file = (await request.formData()).get('file');
      if (file && typeof file !== 'string') scans.push({ name: file.name, size: file.size });
      if (scanStatus >= 400)
        return json(
          { type: 'about:blank', title: 'x', status: scanStatus, code: 'UNSUPPORTED_MEDIA_TYPE' },
          scanStatus,
        );
      return json(
        { id: id(8), fileName: 'scan.pdf', mediaType: 'application/pdf', size: 4, createdAt: '' },
        201,
      );
    }
    return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);
  };
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  const onCreated = vi.fn();
  render(
    <ApiContext value={api}>
      <AppProviders>
        <WrittenEntry onCreated={onCreated} />
      </AppProviders>
    </ApiContext>,
  );
  return { asked, scans, onCreated };
}

async function fillIn(file: File) {
  fireEvent.click(screen.getByTestId('written-entry'));
  fireEvent.change(await screen.findByLabelText('标题'), { target: { value: '村里修一座便民桥' } });
  fireEvent.change(screen.getByLabelText('建议内容'), {
    target: { value: '河对岸的村民赶场要绕很远，建议修一座便民桥。' },
  });
  fireEvent.mouseDown(screen.getByLabelText('所在镇街'));
  fireEvent.click(await screen.findByTitle('城东街道'));
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

// The requests are built by Node's fetch, which encodes only its own FormData and File, not
// jsdom's: the page's form data and the picked file are made of Node's kind here, as a browser's are of its own.
const pdf = () => new NodeFile(['%PDF'], 'scan.pdf', { type: 'application/pdf' }) as unknown as File;
const jsdomFormData = globalThis.FormData;
beforeAll(async () => {
  const nodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor;
  globalThis.FormData = nodeFormData as typeof FormData;
});
afterAll(() => {
  globalThis.FormData = jsdomFormData;
});

describe('entering a suggestion heard on a visit', () => {
  it('names the 走出去 event it was heard at, by its kind and title', async () => {
    renderEntry(201);
    fireEvent.click(screen.getByTestId('written-entry'));
    expect(screen.queryByLabelText('所属活动')).toBeNull();
    fireEvent.mouseDown(await screen.findByLabelText('渠道'));
    fireEvent.click(await screen.findByTitle('上门走访'));
    fireEvent.mouseDown(await screen.findByLabelText('所属活动'));
    expect(await screen.findByTitle('走出去 · 走进正阳工业园区听企业心声')).toBeTruthy();
  });
});

describe('entering a paper suggestion with its scan', () => {
  it('uploads the scan as multipart form data once the suggestion exists', async () => {
    const { asked, scans, onCreated } = renderEntry(201);
    await fillIn(pdf());
    expect(await screen.findByText('scan.pdf')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(asked.filter((a) => a.startsWith('POST'))).toEqual([
      'POST /api/v1/ideas/suggestions',
      `POST /api/v1/ideas/suggestions/${id(7)}/attachments`,
    ]);
    expect(scans).toEqual([{ name: 'scan.pdf', size: 4 }]);
    expect(await screen.findByText('已录入，查询码 AB12CD34EF')).toBeTruthy();
  });

  it('says the suggestion was saved but the scan was not when the upload fails', async () => {
    const { onCreated } = renderEntry(415);
    await fillIn(pdf());
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect((await screen.findAllByText('建议已保存，扫描件未上传')).length).toBeGreaterThan(0);
    expect(screen.getByText(/查询码 AB12CD34EF，请勿重复录入/)).toBeTruthy();
    expect(onCreated).toHaveBeenCalled();
  });

  it('refuses a scan larger than 10 MB before anything is sent', async () => {
    const { asked } = renderEntry(201);
    const big = pdf();
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await fillIn(big);
    expect(await screen.findByText(/文件超过 10 MB/)).toBeTruthy();
    expect(screen.queryByText('scan.pdf')).toBeNull();
    expect(asked.filter((a) => a.startsWith('POST'))).toEqual([]);
  });

  it('asks the staff who the author is, not “You are” as a citizen’s own form does', async () => {
    await changeLocale('en');
    try {
      renderEntry(201);
      fireEvent.click(screen.getByTestId('written-entry'));
      expect(await screen.findByLabelText('The author is')).toBeTruthy();
      expect(screen.queryByText('You are')).toBeNull();
    } finally {
      await changeLocale('zh-CN');
    }
  });
});
