import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditCheckpoints } from '../../api/types';
import { saveBlob } from '../../components/download';
import { json, notFound, renderRoute } from '../../test-support';
import { CheckpointsPage } from './CheckpointsPage';

vi.mock('../../components/download', async (original) => ({
  ...(await original<typeof import('../../components/download')>()),
  saveBlob: vi.fn(),
}));

const publicKey = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----\n';
const file: AuditCheckpoints = {
  format: 'qianxing-audit-checkpoints/1',
  keys: [{ keyId: '0123456789abcdef0123456789abcdef', publicKey }],
  checkpoints: [
    {
      day: '2026-05-01',
      seq: 120,
      hash: 'a'.repeat(64),
      at: '2026-04-30T16:00:01.000Z',
      keyId: '0123456789abcdef0123456789abcdef',
      signature: 'c2ln',
    },
    {
      day: '2026-05-02',
      seq: 180,
      hash: 'b'.repeat(64),
      at: '2026-05-01T16:00:01.000Z',
      keyId: '0123456789abcdef0123456789abcdef',
      signature: 'c2ln',
    },
  ],
};

function renderPage(body: AuditCheckpoints) {
  renderRoute('/audit/checkpoints', CheckpointsPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/public/audit/checkpoints') return json(body);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    return notFound();
  });
}

describe('the public audit checkpoints page', () => {
  it('lists the checkpoints newest first with their seq, head hash and signing key', async () => {
    renderPage(file);
    const items = await screen.findAllByTestId('checkpoint');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
      '2026-05-02',
      '2026-05-01',
    ]);
    expect(within(items[0]!).getByText('180')).toBeTruthy();
    expect(within(items[0]!).getByText('b'.repeat(64))).toBeTruthy();
    expect(screen.getByRole('heading', { name: '签名公钥' })).toBeTruthy();
    expect(screen.getByText(/公钥 0123456789abcdef/)).toBeTruthy();
  });

  it('downloads exactly the published file, for verify-audit --checkpoints to read', async () => {
    vi.mocked(saveBlob).mockClear();
    renderPage(file);
    await screen.findAllByTestId('checkpoint');
    fireEvent.click(screen.getByRole('button', { name: '下载全部检查点（JSON）' }));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    const [blob, name] = vi.mocked(saveBlob).mock.calls[0]!;
    expect(name).toBe('qianxing-audit-checkpoints-2026-05-02.json');
    expect(JSON.parse(await blob.text())).toEqual(file);
  });

  it('says so when no checkpoint has been signed yet', async () => {
    renderPage({ ...file, keys: [], checkpoints: [] });
    expect(await screen.findByText(/尚无检查点/)).toBeTruthy();
  });
});
