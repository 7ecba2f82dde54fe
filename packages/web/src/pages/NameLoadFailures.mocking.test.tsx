import '../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  id,
  json,
  notFound,
  officeSession,
  publicCampaign,
  publicSuggestion,
  renderRoute,
  sampleTown,
  unavailable,
} from '../test-support';
import { ActionsPage } from './ideas/ActionsPage';
import { AdoptionPage } from './ideas/admin/AdoptionPage';
import { CommentsPage } from './ideas/admin/CommentsPage';
import { DashboardPage } from './ideas/admin/DashboardPage';
import { EventPage } from './ideas/admin/EventPage';
import { EventsPage } from './ideas/admin/EventsPage';
import { BrowsePage } from './ideas/BrowsePage';
import { DetailPage } from './ideas/DetailPage';
import { StatsPage } from './ideas/StatsPage';

// A chart writes its labels as text here, so a test reads what it would have drawn.
vi.mock('../components/Chart', () => ({
  Chart: ({ option, ariaLabel }: { option: unknown; ariaLabel?: string }) => (
    <div role="img" aria-label={ariaLabel}>
      {JSON.stringify(option)}
    </div>
  ),
}));

/** A domain only the campaign names (no translation of its code). */
const ownDomain = { code: 'night_life', name: '夜间经济', description: '' };
const town = sampleTown;

type Answers = Record<string, () => unknown>;

/**
 * A fake API whose names (the units; the campaign) cannot be given until `names.up` is set, as
 * a server fault or a lost network would have it; the records of the page answer throughout.
 */
function serve(pattern: string, Page: ComponentType, url: string, answers: Answers) {
  const names = { up: false };
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(officeSession);
    if (path === '/api/v1/units') return names.up ? json([town]) : unavailable();
    if (path === '/api/v1/public/campaign')
      return names.up ? json(publicCampaign({ domains: [ownDomain] })) : unavailable();
    const answer = answers[path];
    return answer ? json(answer()) : notFound();
  };
  renderRoute(pattern, Page, fetch, url);
  return names;
}

/** No raw id nor code stands anywhere in the page where a name should be. */
function expectNoRawNames() {
  expect(document.body.textContent).not.toContain(town.id);
  expect(document.body.textContent).not.toContain(ownDomain.code);
}

/** Asks again with every retry `within` offers, now that the names answer. */
async function retryAll(names: { up: boolean }, scope: HTMLElement = document.body) {
  names.up = true;
  for (const retry of within(scope).getAllByTestId('load-retry')) fireEvent.click(retry);
}

const action = {
  id: id(1),
  title: '开通高铁站夜班公交',
  suggestionId: null,
  entryId: null,
  ownerUnitId: town.id,
  dueOn: '2020-12-31',
  status: 'in_progress',
  progress: 40,
  updates: [],
};
const comment = {
  id: id(2),
  suggestionId: id(3),
  suggestionTitle: '建议夜班公交',
  suggestionPublic: true,
  body: '赞成',
  name: '张*',
  townId: town.id,
  status: 'pending',
  reason: null,
  at: '2020-05-01T08:30:00.000Z',
  actions: { publish: true, hide: true },
};
const event = {
  id: id(4),
  kind: 'symposium',
  title: '座谈会',
  heldOn: '2020-05-10',
  place: '区政府',
  organiserUnitId: town.id,
  attendanceCount: 36,
  attendees: null,
  minutes: '',
  suggestionIds: [],
  actions: { update: false },
};

describe('a public suggestion whose domain and town names fail to load', () => {
  it('says so beside each, shows neither code nor id, and names both after a retry', async () => {
    const names = serve('/ideas/:id', DetailPage, `/ideas/${id(1)}`, {
      [`/api/v1/public/suggestions/${id(1)}`]: () =>
        publicSuggestion({ domain: ownDomain.code, townId: town.id }),
      [`/api/v1/public/suggestions/${id(1)}/comments`]: () => [],
    });
    await screen.findByText('高铁站开通夜班公交');
    const facts = document.querySelector('.qx-idea-facts') as HTMLElement;
    await waitFor(() => expect(within(facts).getAllByTestId('load-retry')).toHaveLength(2));
    expect(within(facts).getAllByText('加载失败，请稍后重试')).toHaveLength(2);
    expectNoRawNames();
    await retryAll(names, facts);
    expect(await within(facts).findByText(town.name)).toBeTruthy();
    expect(within(facts).getByText(ownDomain.name)).toBeTruthy();
    expect(within(facts).queryByTestId('load-retry')).toBeNull();
  });
});

/** The campaign's figures by town (the town by default) and by a domain only the campaign names. */
const statsOf = (byTown = [{ key: town.id, n: 3 }]) => ({
  participations: 5,
  suggestions: 5,
  byDay: [],
  byChannel: [],
  byTown,
  outsideTowns: 0,
  byAuthorKind: [],
  byKind: [],
  byDomain: [{ key: ownDomain.code, n: 2 }],
});

describe('the statistics whose town and domain names fail to load', () => {
  it('say so in those charts’ place, draw no id or code, and draw the names after a retry', async () => {
    const stats = statsOf();
    const names = serve('/ideas/stats', StatsPage, '/ideas/stats', { '/api/v1/public/stats': () => stats });
    await waitFor(() => expect(screen.getAllByTestId('load-retry')).toHaveLength(2));
    expectNoRawNames();
    await retryAll(names);
    await waitFor(() => expect(document.body.textContent).toContain(town.name));
    expect(document.body.textContent).toContain(ownDomain.name);
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});

describe('the statistics while their names are on the way', () => {
  it('hold the town and domain charts with a placeholder, then label a town missing from the list', async () => {
    const unlisted = id(99);
    const stats = statsOf([
      { key: town.id, n: 3 },
      { key: unlisted, n: 1 },
    ]);
    let release = () => {};
    const namesSent = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(officeSession);
      if (path === '/api/v1/public/stats') return json(stats);
      await namesSent;
      if (path === '/api/v1/units') return json([town]);
      if (path === '/api/v1/public/campaign') return json(publicCampaign({ domains: [ownDomain] }));
      return notFound();
    };
    renderRoute('/ideas/stats', StatsPage, fetch, '/ideas/stats');
    await waitFor(() => expect(screen.getAllByTestId('stats-names-pending')).toHaveLength(2));
    expect(screen.queryAllByRole('img', { name: /镇街|领域/ })).toHaveLength(0);
    release();
    await waitFor(() => expect(document.body.textContent).toContain(town.name));
    expect(document.body.textContent).toContain(ownDomain.name);
    expect(document.body.textContent).toContain('未列入镇街名单的单位');
    expect(document.body.textContent).not.toContain(unlisted);
    expect(screen.queryByTestId('stats-names-pending')).toBeNull();
  });
});

describe('a list of suggestions whose domain names fail to load', () => {
  it('shows no code for a domain only the campaign names, and its name after a retry', async () => {
    const found = publicSuggestion({ domain: ownDomain.code, townId: town.id });
    const names = serve('/ideas', BrowsePage, '/ideas', {
      '/api/v1/public/suggestions': () => ({ total: 1, items: [found] }),
    });
    expect(await screen.findByText(found.title)).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('load-retry').length).toBeGreaterThan(0));
    expectNoRawNames();
    await retryAll(names);
    await waitFor(() => expect(document.body.textContent).toContain(ownDomain.name));
    expect(document.body.textContent).toContain(town.name);
  });
});

describe('the staff dashboard whose town and domain names fail to load', () => {
  it('says so in those charts’ place and draws no id or code', async () => {
    const stats = {
      ...statsOf(),
      byEventKind: [],
      scope: null,
      actions: { export: false },
    };
    const names = serve('/admin/ideas/dashboard', DashboardPage, '/admin/ideas/dashboard', {
      '/api/v1/ideas/stats': () => stats,
    });
    await waitFor(() => expect(screen.getAllByTestId('load-retry')).toHaveLength(2));
    expectNoRawNames();
    await retryAll(names);
    await waitFor(() => expect(document.body.textContent).toContain(town.name));
    expect(document.body.textContent).toContain(ownDomain.name);
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});

/** Pages whose rows show a town's (or an organiser's) name. */
const townPages: Array<[string, ComponentType, Answers]> = [
  ['/ideas/actions', ActionsPage, { '/api/v1/public/actions': () => [action] }],
  [
    '/admin/ideas/actions',
    AdoptionPage,
    {
      '/api/v1/ideas/actions': () => ({ items: [{ ...action, actions: { progress: false } }], actions: {} }),
    },
  ],
  [
    '/admin/ideas/comments',
    CommentsPage,
    { '/api/v1/ideas/comments': () => ({ total: 1, items: [comment] }) },
  ],
  [
    '/admin/ideas/events',
    EventsPage,
    { '/api/v1/ideas/events': () => ({ items: [event], actions: { create: false } }) },
  ],
];

describe('a page whose rows name towns that fail to load', () => {
  it.each(townPages)(
    '%s says so, shows no id, and names the town after a retry',
    async (url, Page, answers) => {
      const names = serve(url, Page, url, answers);
      expect(await screen.findByText('名称未能加载')).toBeTruthy();
      expect(screen.getAllByTestId('load-retry')).toHaveLength(1);
      expectNoRawNames();
      await retryAll(names);
      expect(await screen.findByText(new RegExp(town.name))).toBeTruthy();
      expect(screen.queryByText('名称未能加载')).toBeNull();
      expect(screen.queryByTestId('load-retry')).toBeNull();
    },
  );
});

describe('an event whose organiser’s name fails to load', () => {
  it('says so in the organiser’s field, shows no id, and names it after a retry', async () => {
    const names = serve('/admin/ideas/events/:id', EventPage, `/admin/ideas/events/${id(4)}`, {
      [`/api/v1/ideas/events/${id(4)}`]: () => event,
      [`/api/v1/ideas/events/${id(4)}/suggestions`]: () => ({ total: 0, items: [] }),
    });
    const field = (await screen.findByText('组织单位')).closest('tr') as HTMLElement;
    expect(await within(field).findByText('加载失败，请稍后重试')).toBeTruthy();
    expectNoRawNames();
    await retryAll(names, field);
    expect(await within(field).findByText(town.name)).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});
