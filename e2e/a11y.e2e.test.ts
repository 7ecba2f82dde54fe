import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoIds, demoIds, fillPath, publicIds, publicPages } from './support/a11y-pages.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type FocusStop, focusStop, tabTo } from './support/focus.js';
import { calm } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn, signInTo, signOut } from './support/session.js';
import { openSettled } from './support/settle.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

// The public site and the pages citizens, firms, departments and inspectors use outside the
// console; the console's pages are checked in a11y-console.e2e.test.ts. One file for both took
// near three minutes, and the two browser workers then waited on it alone.
describe.runIf(enabled)(
  'accessibility outside the console: no WCAG 2.1 AA violation that axe-core finds',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    const ids: DemoIds = { ...demoIds };

    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch(desktop);
      page = await browser.newPage();
      // No transitions half-way through: axe measures colours as they settle.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(server.url);
      Object.assign(ids, await publicIds(page));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a citizen writes and sends a suggestion with the keyboard alone, and always sees where the focus is', async () => {
      await page.setViewportSize(desktop);
      await openSettled(page, `${server.url}/ideas/submit`);
      const stops: FocusStop[] = [];
      stops.push(...(await tabTo(page, 'suggestion_title')));
      await page.keyboard.type('希望在城西街道增设夜间公交线路');
      stops.push(...(await tabTo(page, 'suggestion_body')));
      await page.keyboard.type(
        '城西街道晚上九点以后没有公交车，下夜班的职工回家很不方便，希望增设一条夜间线路。',
      );
      // Past the similar suggestions that appear while typing, and past the optional domain.
      stops.push(...(await tabTo(page, 'suggestion_townId')));
      // A native picker: the arrow keys move through the towns to 城西.
      const town = page.locator('#suggestion_townId');
      for (
        let i = 0;
        i < 60 &&
        !(await town.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text ?? '')).includes('城西');
        i++
      )
        await page.keyboard.press('ArrowDown');
      expect(await town.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toContain('城西');
      stops.push(...(await tabTo(page, 'suggestion_realName')));
      await page.keyboard.type('张三');
      stops.push(...(await tabTo(page, 'suggestion_phone')));
      await page.keyboard.type('13800000000');
      await page.keyboard.press('Tab');
      const button = await focusStop(page);
      stops.push(button);
      expect(button.name).toMatch(/提交|submit/i);
      await screenshot(page, 'a11y-submit-keyboard-focus');
      await page.keyboard.press('Enter');
      const code = page.getByTestId('tracking-code');
      await code.waitFor();
      expect(((await code.textContent()) ?? '').trim()).toMatch(/^[0-9A-Za-z]{10}$/);
      const unseen = stops.filter((s) => s.indicator === '');
      expect(unseen, `focus not visible on: ${unseen.map((s) => s.name).join(', ')}`).toEqual([]);
      expect(stops.length).toBeGreaterThan(6);
    });

    for (const [name, viewport] of [
      ['desktop', desktop],
      ['phone', phone],
    ] as const) {
      it.each(publicPages)(`public page %s on a ${name}`, async (path) => {
        await page.setViewportSize(viewport);
        await openSettled(page, `${server.url}${fillPath(path, ids)}`);
        await expectNoAxeViolations(page, `${path} (${name})`);
      });
    }

    it('the public pages in English say so, and pass too', async () => {
      await page.setViewportSize(phone);
      await page.goto(server.url);
      await page.evaluate(() => localStorage.setItem('qianxing.locale', 'en'));
      try {
        for (const path of ['/', '/ideas/submit', '/targets/leaderboard']) {
          await openSettled(page, `${server.url}${path}`);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
          await expectNoAxeViolations(page, `${path} (English, phone)`);
        }
      } finally {
        await page.evaluate(() => localStorage.removeItem('qianxing.locale'));
      }
    });

    it("a firm's own page, signed in as the firm's staff", async () => {
      await page.setViewportSize(phone);
      await page.goto(`${server.url}/login`);
      await page.locator('#login').fill('firm1');
      await page.locator('#password').fill(server.accounts.firm1!);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await openSettled(page, `${server.url}/firm`);
      await expectNoAxeViolations(page, '/firm (phone)');
      await openSettled(page, `${server.url}/firm/requests`);
      await expectNoAxeViolations(page, '/firm/requests (phone)');
      await openSettled(page, `${server.url}/firm/surveys`);
      await expectNoAxeViolations(page, '/firm/surveys (phone)');
      await openSettled(page, `${server.url}/firm/surveys/${ids.survey}`);
      await expectNoAxeViolations(page, '/firm/surveys/:id (phone)');
    });

    it('the inbox on a phone, signed in as a department’s staff', async () => {
      const deptPhone = await launch(phone);
      try {
        const view = await deptPhone.newPage();
        await view.emulateMedia({ reducedMotion: 'reduce' });
        await signInTo(view, server, 'dept', '/inbox');
        await view.getByTestId('inbox-item').first().waitFor();
        await expectNoAxeViolations(view, '/inbox (phone)');
      } finally {
        await deptPhone.close();
      }
    });

    it('a support’s phone dialog, and 我的建议 and following signed in as a citizen, on a phone', async () => {
      const citizenPhone = await launch(phone);
      try {
        const view = await citizenPhone.newPage();
        await view.emulateMedia({ reducedMotion: 'reduce' });
        await openSettled(view, `${server.url}${fillPath('/ideas/:id', ids)}`);
        await view
          .getByTestId(/^support-/)
          .first()
          .click();
        await view.locator('#support-phone_phone').waitFor();
        await calm(view);
        await expectNoAxeViolations(view, '/ideas/:id (support dialog, phone)');
        await signInTo(view, server, 'citizen', '/ideas/mine');
        await view.locator('#claim_trackingCode').waitFor();
        await expectNoAxeViolations(view, '/ideas/mine (phone)');
        await openSettled(view, `${server.url}${fillPath('/ideas/:id', ids)}`);
        await view.getByTestId('follow').waitFor();
        await expectNoAxeViolations(view, '/ideas/:id (signed in, phone)');
        await openSettled(view, `${server.url}/ideas/mine?tab=following`);
        await expectNoAxeViolations(view, '/ideas/mine following (phone)');
      } finally {
        await citizenPhone.close();
      }
    });

    it("an inspector's visits on a phone, and the page of a visit's code (亮码检查)", async () => {
      const inspectorPhone = await launch(phone);
      try {
        const view = await inspectorPhone.newPage();
        await view.emulateMedia({ reducedMotion: 'reduce' });
        await signIn(view, server, 'office');
        // A visit of the demo's published week still to do, its code, and one of its team.
        const visit = await view.evaluate(async () => {
          const get = async (p: string) => (await fetch(p)).json();
          const plans = (await get('/api/v1/inspections/plans?pageSize=50')) as {
            items: Array<{ id: string; status: string }>;
          };
          const published = plans.items.find((p) => p.status === 'published')!;
          const plan = (await get(`/api/v1/inspections/plans/${published.id}`)) as {
            visits: Array<{ id: string; status: string; inspectors: Array<{ id: string }> }>;
          };
          const v = plan.visits.find((x) => x.status === 'planned')!;
          const { code } = (await get(`/api/v1/inspections/visits/${v.id}`)) as { code: string };
          const inspectors = (await get('/api/v1/inspections/inspectors?pageSize=200')) as {
            items: Array<{ id: string; login: string }>;
          };
          return { id: v.id, code, login: inspectors.items.find((i) => i.id === v.inspectors[0]!.id)!.login };
        });
        await signOut(view);
        for (const [name, viewport] of [
          ['phone', phone],
          ['desktop', desktop],
        ] as const) {
          await view.setViewportSize(viewport);
          await openSettled(view, `${server.url}/inspections/check/${visit.code}`);
          await expectNoAxeViolations(view, `/inspections/check/:code (${name})`);
        }
        await view.setViewportSize(phone);
        await signIn(view, server, visit.login);
        await openSettled(view, `${server.url}/inspections/visits`);
        await expectNoAxeViolations(view, '/inspections/visits (phone)');
        await openSettled(view, `${server.url}/inspections/visits/${visit.id}`);
        await expectNoAxeViolations(view, '/inspections/visits/:id (phone)');
      } finally {
        await inspectorPhone.close();
      }
    });
  },
);
