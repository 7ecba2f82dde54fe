import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signInTo } from './support/session.js';
import { openSettled, settle } from './support/settle.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };

interface Reforms {
  projects: Array<{ id: string; name: string; progress: number }>;
  battles: Array<{ id: string; name: string }>;
}

describe.runIf(enabled)(
  'adoption: a campaign suggestion becomes a reform project or a key battle’s task',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    const getJson = <T>(path: string) =>
      page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch(phone);
      page = await browser.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(server.url);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a visitor on a phone sees the project a suggestion became, its progress, and the way back', async () => {
      const adopted = await getJson<{ items: Array<{ id: string; title: string }> }>(
        '/api/v1/public/suggestions?status=adopted&pageSize=50',
      );
      let found: { id: string; title: string; reforms: Reforms } | undefined;
      for (const s of adopted.items) {
        const reforms = await getJson<Reforms>(`/api/v1/public/reforms/suggestions/${s.id}`);
        if (reforms.projects.length) {
          found = { ...s, reforms };
          break;
        }
      }
      expect(found).toBeDefined();
      const project = found!.reforms.projects[0]!;
      await openSettled(page, `${server.url}/ideas/${found!.id}`);
      const card = page.getByTestId('suggestion-reforms');
      await expect.poll(() => card.getByTestId('suggestion-reform-project').count()).toBeGreaterThan(0);
      await expect.poll(() => card.textContent()).toContain(project.name);
      const bar = card.getByLabel(`${project.name}的进度`);
      await expect.poll(() => bar.textContent()).toContain(`${Math.round(project.progress * 1000) / 10}`);
      await expectFitsWidth(page);
      await screenshot(page, 'reforms-adoption-suggestion-phone');
      await expectNoAxeViolations(page, 'an adopted suggestion’s page on a phone');
      await card.getByRole('link', { name: project.name }).click();
      await settle(page);
      await expect.poll(() => page.getByTestId('reform-project-name').textContent()).toBe(project.name);
      const back = page.getByTestId('reform-project-suggestions');
      await expect.poll(() => back.textContent()).toContain('来自群众建议');
      await expectFitsWidth(page);
      await expectNoAxeViolations(page, 'a project from a suggestion on a phone');
    });

    it('the office makes an adopted suggestion a key battle’s task, and its public page shows the battle', async () => {
      const office = await launch({ width: 1280, height: 800 });
      try {
        const console = await office.newPage();
        await console.emulateMedia({ reducedMotion: 'reduce' });
        await signInTo(console, server, 'office', '/admin/ideas/actions');
        const pick = (await console.evaluate(async () => {
          const adoptions = (await (await fetch('/api/v1/reforms/adoptions')).json()) as Array<{
            suggestionId: string;
            title: string;
            battles: Array<{ id: string }>;
          }>;
          const { battles } = (await (await fetch('/api/v1/reforms/battles')).json()) as {
            battles: Array<{ id: string; name: string }>;
          };
          const s = adoptions.find((a) => a.battles.length < battles.length)!;
          const b = battles.find((x) => !s.battles.some((y) => y.id === x.id))!;
          return { id: s.suggestionId, title: s.title, battle: b.name };
        })) as { id: string; title: string; battle: string };
        await console.getByTestId('reform-adopt-open').click();
        // The radio button's input is hidden under its label, which takes the click.
        await console.locator('label:has([data-testid="reform-adopt-mode-battle"])').click();
        await console.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await expectNoAxeViolations(console, 'the adoption into the reforms');
        await console.getByTestId('reform-adopt-suggestion').click();
        await console.keyboard.type(pick.title);
        await console
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: pick.title })
          .first()
          .click();
        await console.getByTestId('reform-adopt-battle').click();
        await console
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: pick.battle })
          .first()
          .click();
        await screenshot(console, 'reforms-adoption-modal');
        await console.locator('#reform-adopt-save').click();
        await expect.poll(() => console.locator('#reform-adopt-save').count(), { timeout: 30_000 }).toBe(0);
        await openSettled(page, `${server.url}/ideas/${pick.id}`);
        await expect
          .poll(() => page.getByTestId('suggestion-reform-battles').textContent())
          .toContain(pick.battle);
        // A battle's name is a phrase the office writes, and may be long: its tag wraps on a
        // phone rather than widening the page (the real name repeated to 60 characters or more,
        // some 840 px on one line).
        const long = pick.battle.repeat(Math.ceil(60 / pick.battle.length));
        await page.route('**/api/v1/public/reforms/suggestions/*', async (route) => {
          const reforms = (await (await route.fetch()).json()) as Reforms;
          const battles = reforms.battles.map((b) => (b.name === pick.battle ? { ...b, name: long } : b));
          await route.fulfill({ json: { ...reforms, battles } });
        });
        await openSettled(page, `${server.url}/ideas/${pick.id}`);
        await expect.poll(() => page.getByTestId('suggestion-reform-battles').textContent()).toContain(long);
        await expectFitsWidth(page);
        await screenshot(page, 'reforms-adoption-long-battle-phone');
        await page.unroute('**/api/v1/public/reforms/suggestions/*');
      } finally {
        await office.close();
      }
    });
  },
);
