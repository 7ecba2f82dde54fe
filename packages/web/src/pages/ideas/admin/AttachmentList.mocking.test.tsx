import '../../../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../../api/ApiContext';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../components/AppProviders';
import { saveBlob } from '../../../components/download';
import { AttachmentList } from './AttachmentList';

vi.mock('../../../components/download', () => ({ saveBlob: vi.fn() }));

const attachment = {
  id: '00000000-0000-4000-8000-000000000008',
  fileName: '书面建议-城东.pdf',
  mediaType: 'application/pdf',
  size: 2_500_000,
  createdAt: '2020-05-04T02:00:00.000Z',
};

describe('the scans of a paper suggestion', () => {
  it('lists each scan and downloads it under its own name', async () => {
    const asked: string[] = [];
    const fetch = async (request: Request) => {
      asked.push(`${request.method} ${new URL(request.url).pathname}`);
      if (request.url.endsWith('/api/v1/auth/session'))
        return new Response(JSON.stringify({ user: null, csrfToken: 't' }), {
          headers: { 'content-type': 'application/json' },
        });
      return new Response('%PDF-1.7', { headers: { 'content-type': 'application/pdf' } });
    };
    const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
    render(
      <ApiContext value={api}>
        <AppProviders>
          <AttachmentList attachments={[attachment]} />
        </AppProviders>
      </ApiContext>,
    );
    const item = screen.getByTestId('attachment-item');
    expect(item.textContent).toContain('书面建议-城东.pdf');
    expect(item.textContent).toContain('2.4 MB · 2020-05-04');
    fireEvent.click(screen.getByRole('button', { name: /下\s*载/ }));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    expect(asked).toContain(`GET /api/v1/ideas/attachments/${attachment.id}`);
    const [blob, name] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(name).toBe('书面建议-城东.pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });

  it('shows nothing for a suggestion without scans', () => {
    render(
      <AppProviders>
        <div data-testid="scans">
          <AttachmentList attachments={[]} />
        </div>
      </AppProviders>,
    );
    expect(screen.getByTestId('scans').textContent).toBe('');
  });

  it('lets those who enter paper suggestions remove a scan', async () => {
    const asked: string[] = [];
    const fetch = async (request: Request) => {
      asked.push(`${request.method} ${new URL(request.url).pathname}`);
      if (request.url.endsWith('/api/v1/auth/session'))
        return new Response(JSON.stringify({ user: null, csrfToken: 't' }), {
          headers: { 'content-type': 'application/json' },
        });
      return new Response(null, { status: 204 });
    };
    const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
    const changed = vi.fn();
    render(
      <ApiContext value={api}>
        <AppProviders>
          <AttachmentList attachments={[attachment]} suggestionId="s1" editable onChanged={changed} />
        </AppProviders>
      </ApiContext>,
    );
    expect(screen.getByTestId('attachment-add')).toBeTruthy();
    fireEvent.click(screen.getByTestId('attachment-remove'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect(asked).toContain(`DELETE /api/v1/ideas/attachments/${attachment.id}`);
  });
});
