import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn } from './support/session.js';
import { settle } from './support/settle.js';

const enabled = browserAvailability();
const desktop = { width: 1280, height: 800 };
const event = '城西街道“走出去”企业恳谈会';
const title = '恳谈会建议：高铁站片区建设商贸综合体';

describe.runIf(enabled)('events: 走出去 and 请回来, an event’s page and its suggestions', () => {
  let server: E2eServer;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launch(desktop);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an organiser opens their 走出去 event from the list and follows a suggestion collected there', async () => {
    await signIn(page, server, 'organiser');
    // A suggestion written down at the event and accepted, so the public site shows it.
    const suggestionId = await page.evaluate(
      async ({ event, title }) => {
        const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const send = async (method: string, path: string, body: unknown) =>
          (
            await fetch(path, {
              method,
              headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
              body: JSON.stringify(body),
            })
          ).json();
        const events = (await (await fetch('/api/v1/ideas/events')).json()) as {
          items: Array<{ id: string; title: string; organiserUnitId: string }>;
        };
        const e = events.items.find((x) => x.title === event)!;
        const made = (await send('POST', '/api/v1/ideas/suggestions', {
          title,
          body: '企业代表在恳谈会上提出：高铁站片区人流大，建议规划建设商贸综合体，解决停车和购物难。',
          townId: e.organiserUnitId,
          authorKind: 'enterprise',
          channel: 'outreach',
          eventId: e.id,
        })) as { id: string };
        await send('POST', `/api/v1/ideas/suggestions/${made.id}/screen`, { decision: 'accept' });
        return made.id;
      },
      { event, title },
    );
    await page.goto(`${server.url}/admin/ideas/events`);
    await page.getByRole('link', { name: event }).click();
    await page.waitForURL(/\/admin\/ideas\/events\/[0-9a-f-]{36}$/);
    await page.getByTestId('event-title').waitFor();
    expect(await page.getByTestId('event-title').textContent()).toContain('走出去');
    expect(await page.getByTestId('event-attendees').textContent()).toContain('辖区商贸企业负责人');
    await page.getByTestId('event-suggestions').waitFor();
    await settle(page);
    await screenshot(page, 'ideas-event-page');
    const link = page.getByTestId('event-suggestions').getByRole('link', { name: title });
    await link.click();
    await page.waitForURL((u) => u.pathname === `/ideas/${suggestionId}`);
    await page.getByText(title).first().waitFor();
  });

  it('the organiser corrects the minutes on the event’s page, and the dashboard counts 走出去', async () => {
    await page.goBack();
    await page.getByTestId('event-edit').click();
    const minutes = page.locator('#event_minutes');
    await minutes.fill('企业反映停车难、招工难；会后形成问题清单交区商务委办理。');
    await page.getByTestId('event-save').click();
    await expect
      .poll(() => page.getByTestId('event-minutes').textContent())
      .toBe('企业反映停车难、招工难；会后形成问题清单交区商务委办理。');
    await page.goto(`${server.url}/admin/ideas/dashboard`);
    const figures = page.getByTestId('event-kind-going_out');
    await figures.waitFor();
    // The organiser's street held one 走出去 event in the demo, where the suggestion above was collected.
    await expect.poll(() => figures.textContent()).toMatch(/活动场次\s*1\b/);
    expect(await figures.textContent()).toMatch(/收集建议\s*[1-9]/);
    expect(await page.getByTestId('event-kind-inviting_back').textContent()).toMatch(/活动场次\s*1\b/);
    await figures.scrollIntoViewIfNeeded();
    await screenshot(page, 'ideas-dashboard-events');
  });
});
