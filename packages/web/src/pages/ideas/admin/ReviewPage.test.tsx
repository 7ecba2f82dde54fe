import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { id, json, notFound, publicCampaign, renderRoute } from '../../../test-support';
import { ReviewPage } from './ReviewPage';

const assignment = (n: number) => ({
  suggestionId: id(n),
  title: `建议${n}`,
  body: `建议${n}的正文`,
  domain: 'transport',
  scores: null,
  comment: null,
  submittedAt: null,
  actions: { score: true },
});

function renderReviews() {
  const items = Array.from({ length: 10 }, (_, i) => assignment(i + 1));
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/public/campaign')
      return json(publicCampaign({ rubric: [{ code: 'value', name: '价值', weight: 1 }] }));
    if (path === '/api/v1/units') return json([]);
    if (path === '/api/v1/ideas/reviews/mine') return json({ assigned: 10, done: 0, items });
    if (path === '/api/v1/ideas/reviews/conflicts') return json([]);
    return notFound();
  };
  renderRoute('/admin/ideas/reviews', ReviewPage, fetch);
}

afterEach(() => {
  vi.restoreAllMocks();
  // jsdom has no scrollIntoView: the one a test gives it goes with the test, rather than staying
  // for the files that run after it in the same worker.
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

describe('an expert’s review page', () => {
  it('brings the scoring form into view and focuses its heading when a suggestion is picked', async () => {
    const scrolled: Element[] = [];
    // jsdom does not lay out or scroll; the page's request to is what is checked.
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    renderReviews();
    const items = await screen.findAllByTestId('review-item');
    expect(scrolled).toEqual([]);
    fireEvent.click(items[6]!);
    const heading = await screen.findByTestId('review-heading');
    expect(heading.textContent).toBe('建议7');
    await waitFor(() => expect(scrolled).toEqual([heading]));
    expect(document.activeElement).toBe(heading);
  });
});
