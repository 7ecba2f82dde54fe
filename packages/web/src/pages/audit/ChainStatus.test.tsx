import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditChainStatus } from '../../api/types';
import { json, notFound, renderRoute } from '../../test-support';
import { ChainStatus } from './ChainStatus';

const intact: AuditChainStatus = {
  ok: true,
  sealed: 180,
  unsealed: 0,
  lastSeq: 180,
  lastHash: 'b'.repeat(64),
  late: [],
  heads: [
    {
      label: 'stored checkpoint 2026-05-01 (seq 120)',
      seq: 120,
      hash: 'a'.repeat(64),
      found: true,
      differs: false,
    },
  ],
  problems: [],
};

function renderStatus(status: AuditChainStatus) {
  renderRoute('/admin/audit', ChainStatus, async (request) =>
    new URL(request.url).pathname === '/api/v1/audit/chain' ? json(status) : notFound(),
  );
}

describe('the hash chain check', () => {
  it('shows the head as seq:hash, ready for verify-audit --expect-head, and the checkpoints passed', async () => {
    renderStatus(intact);
    expect(await screen.findByText('日志完整：哈希链校验通过')).toBeTruthy();
    expect(screen.getByText(`180:${'b'.repeat(64)}`)).toBeTruthy();
    expect(screen.getByText('链经过 1 / 1 个')).toBeTruthy();
  });

  it('names a rewritten checkpoint and a back-dated record in the reader’s language', async () => {
    renderStatus({
      ...intact,
      ok: false,
      heads: [{ ...intact.heads[0]!, found: false, differs: true }],
      late: [{ id: 77, seq: null, at: '2020-01-01T00:00:00.000Z', reason: 'refused', accepted: false }],
      problems: ['stored checkpoint 2026-05-01 (seq 120): the chain has another hash at seq 120'],
    });
    expect(await screen.findByText('日志链断裂：记录可能被篡改')).toBeTruthy();
    expect(screen.getByText(/链不经过检查点（序号 120/)).toBeTruthy();
    expect(screen.getByText(/记录 77 的时间（2020-01-01T00:00:00.000Z）早于已封存的记录/)).toBeTruthy();
    expect(screen.getByText('技术细节')).toBeTruthy();
  });
});
