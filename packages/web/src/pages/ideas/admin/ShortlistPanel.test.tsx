import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicCampaign, renderRoute } from '../../../test-support';
import { ShortlistPanel } from './ShortlistPanel';

const item = (n: number, over: Record<string, unknown> = {}) => ({
  id: id(n),
  title: `建议${n}`,
  domain: 'transport',
  domainName: '交通出行',
  domainConfirmed: false,
  domainConfidence: 0.82,
  townName: '城西街道',
  supports: 3,
  groupHeat: 2.1,
  groupSize: 1,
  reason: 'proposed',
  rank: 1,
  representative: null,
  shortlisted: false,
  reviewsAssigned: 0,
  reviewsDone: 0,
  actions: { toggle: true },
  ...over,
});

const page = (actions: Record<string, boolean>) => ({
  total: 2,
  items: [
    item(1),
    item(2, {
      reason: 'same_group',
      rank: null,
      representative: { id: id(1), title: '建议1' },
      groupSize: 2,
    }),
  ],
  quota: { perDomain: 5, byDomain: {} },
  domains: [{ code: 'transport', name: '交通出行', quota: 5, accepted: 2, proposed: 1, shortlisted: 0 }],
  accepted: 2,
  proposed: 1,
  shortlisted: 0,
  actions,
});

function renderPanel(actions: Record<string, boolean>) {
  const posted: Array<{ path: string; body: unknown }> = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/public/campaign') return json(publicCampaign());
    if (path === '/api/v1/ideas/shortlist') return json(page(actions));
    if (request.method === 'POST') {
      posted.push({ path, body: path.endsWith('/edit') ? await request.json() : null });
      return json({ added: 1, removed: 0, kept: 0, shortlisted: 1 });
    }
    return notFound();
  };
  renderRoute('/admin/ideas/selection', ShortlistPanel, fetch);
  return posted;
}

describe('the shortlist panel', () => {
  it('says it is computing, then shows the proposal with its reasons and the group’s representative', async () => {
    renderPanel({ apply: true, setQuota: true, edit: true, export: true });
    expect(screen.getByText('正在计算入围方案（聚类全部建议）…')).toBeTruthy();
    expect(await screen.findByText('建议入围（第 1 名）')).toBeTruthy();
    expect(screen.getByText('同类已有代表')).toBeTruthy();
    expect(screen.getByText('代表：建议1')).toBeTruthy();
    expect(screen.getAllByText('交通出行').length).toBeGreaterThan(0);
    expect(screen.getByTestId('shortlist-apply')).toBeTruthy();
    expect(screen.getByTestId('shortlist-quota')).toBeTruthy();
  });

  it('puts a suggestion on the shortlist with its switch', async () => {
    const posted = renderPanel({ apply: false, setQuota: false, edit: true, export: true });
    const toggle = await screen.findByRole('switch', { name: '“建议1”入围' });
    fireEvent.click(toggle);
    await waitFor(() =>
      expect(posted).toEqual([{ path: '/api/v1/ideas/shortlist/edit', body: { add: [id(1)], remove: [] } }]),
    );
  });

  it('offers an organiser neither the district-wide proposal nor the quotas', async () => {
    renderPanel({ apply: false, setQuota: false, edit: true, export: true });
    await screen.findByText('建议入围（第 1 名）');
    expect(screen.queryByTestId('shortlist-apply')).toBeNull();
    expect(screen.queryByTestId('shortlist-quota')).toBeNull();
  });
});
