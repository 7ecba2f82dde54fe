import '../../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, publicCampaign, renderRoute } from '../../../test-support';
import { SelectionPage } from './SelectionPage';

const emptyShortlist = {
  total: 0,
  items: [],
  quota: { perDomain: 5, byDomain: {} },
  domains: [],
  accepted: 0,
  proposed: 0,
  shortlisted: 0,
  actions: { apply: false, setQuota: false, edit: true, export: true },
};

/** The selection page with the parts the server opens to the caller. */
function renderPage(may: { shortlist: boolean; results: boolean; lists: boolean }) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/public/campaign') return json(publicCampaign());
    if (path === '/api/v1/ideas/selection') return json(may);
    if (path === '/api/v1/ideas/shortlist') return json(emptyShortlist);
    return notFound();
  };
  renderRoute('/admin/ideas/selection', SelectionPage, fetch);
}

const tabs = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

describe('the selection page', () => {
  it('gives an organiser the shortlist of their towns and nothing the office keeps', async () => {
    renderPage({ shortlist: true, results: false, lists: false });
    await screen.findByRole('tab', { name: '入围名单' });
    expect(tabs()).toEqual(['入围名单']);
  });

  it('gives the office the shortlist, the review results and the three lists', async () => {
    renderPage({ shortlist: true, results: true, lists: true });
    await screen.findByRole('tab', { name: '入围名单' });
    expect(tabs()).toEqual(['入围名单', '评审结果', '十大金点子', '十大好点子', '十大难题']);
  });
});
