import '../../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../../test-support';
import type { AdoptedAction } from '../shared';
import { AdoptionPage } from './AdoptionPage';

/** An adopted action as the server lists it, saying whether this person may report on it. */
const action = (n: number, progress: boolean): AdoptedAction => ({
  id: id(n),
  title: `落实事项${n}`,
  suggestionId: null,
  entryId: null,
  ownerUnitId: id(50 + n),
  dueOn: '2020-12-31',
  status: 'in_progress',
  progress: 40,
  updates: [],
  actions: { progress },
});

function renderPage(adopt: boolean) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/units') return json([]);
    if (path === '/api/v1/ideas/actions')
      return json({ items: [action(1, true), action(2, false)], actions: { adopt } });
    return notFound();
  };
  renderRoute('/admin/ideas/actions', AdoptionPage, fetch);
}

describe('the adoption page', () => {
  it('lets a department report only on the actions the server says are theirs, and adopt none', async () => {
    renderPage(false);
    expect(await screen.findByTestId(`action-update-${id(1)}`)).toBeTruthy();
    expect(screen.getByText('落实事项2')).toBeTruthy();
    expect(screen.queryByTestId(`action-update-${id(2)}`)).toBeNull();
    expect(screen.queryByTestId('adopt-open')).toBeNull();
  });

  it('offers the office the adoption of a new action', async () => {
    renderPage(true);
    expect(await screen.findByTestId('adopt-open')).toBeTruthy();
  });
});
