import '../../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../../test-support';
import { AdoptionPage } from './AdoptionPage';

const entry = (n: number, title: string) => ({
  id: id(n),
  rank: 1,
  suggestionId: id(100 + n),
  memberIds: [],
  title,
  citation: '贴近民生',
});

function renderPage() {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/units') return json([]);
    if (path === '/api/v1/ideas/actions') return json({ items: [], actions: { adopt: true } });
    if (path === '/api/v1/ideas/lists')
      return json([
        {
          id: id(1),
          kind: 'golden_idea',
          publishedAt: '2026-11-01T02:00:00.000Z',
          entries: [entry(1, '已发布的金点子')],
        },
        { id: id(2), kind: 'good_idea', publishedAt: null, entries: [entry(2, '草稿里的好点子')] },
      ]);
    return notFound();
  };
  renderRoute('/admin/ideas/actions', AdoptionPage, fetch);
}

const option = (name: string) => screen.findByText(name, { selector: '.ant-select-item-option-content' });

describe('the adoption form', () => {
  it('offers the entries of published lists only, not those of a draft', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('adopt-open'));
    fireEvent.click(await screen.findByText('来自榜单条目'));
    fireEvent.mouseDown(await screen.findByLabelText('榜单条目'));
    expect(await option('十大金点子 1. 已发布的金点子')).toBeTruthy();
    expect(screen.queryByText(/草稿里的好点子/)).toBeNull();
  });
});
