import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll, signIn as signInAs, signOut as signOutOf } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
// A PDF's first bytes: the file store sniffs the type from them.
const pdf = Buffer.from('%PDF-1.4\n%e2e evidence\n');

interface Summary {
  lists: Array<{ id: string; name: string; projects: number; percentDone: number }>;
}
interface Project {
  id: string;
  code: string;
  name: string;
  listId: string;
  startDate: string;
  endDate: string;
  progress: number;
  milestoneList: Array<{ id: string; name: string; weight: number; done: number }>;
  reports: Array<{ period: string }>;
}

describe.runIf(enabled)(
  'reforms: a lead unit reports a milestone with evidence, the office approves, the public page moves',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let project: Project;
    let milestone: number;
    let before: Summary;
    let monthText: string;
    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch();
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    const signIn = (login: string) => signInAs(page, server, login);
    const signOut = () => signOutOf(page);
    const get = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

    it('a visitor reads the lists and their percentages, on a phone too', async () => {
      const visitor = await launch(phone);
      try {
        const view = await visitor.newPage();
        await view.goto(`${server.url}/reforms`);
        await expect.poll(() => view.getByTestId('reform-list').count()).toBe(3);
        await expect.poll(() => view.getByTestId('reform-project').count()).toBe(10);
        await expect.poll(() => noSideScroll(view)).toBe(true);
        await screenshot(view, 'reforms-public-phone');
        before = (await view.evaluate(async () =>
          (await fetch('/api/v1/public/reforms/summary')).json(),
        )) as Summary;
      } finally {
        await visitor.close();
      }
    });

    it('the lead unit opens one of its projects from the ledger and reports a milestone done with evidence', async () => {
      await signIn('dept');
      // Last month, as the browser's clock has it; one of its projects running then, with a milestone
      // not yet done and no report for that month.
      const now = new Date();
      const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
      const month = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
      const mine = await get<{ items: Array<{ id: string; startDate: string; endDate: string }> }>(
        '/api/v1/reforms/projects?mine=true&pageSize=200',
      );
      for (const p of mine.items.filter((x) => x.startDate <= `${month}-01` && x.endDate >= `${month}-28`)) {
        const full = await get<Project>(`/api/v1/reforms/projects/${p.id}`);
        milestone = full.milestoneList.findIndex((m) => m.done < 1);
        if (milestone >= 0 && !full.reports.some((r) => r.period === month)) {
          project = full;
          break;
        }
      }
      monthText = `${last.getFullYear()}年${last.getMonth() + 1}月`;
      expect(project).toBeDefined();
      await page.goto(`${server.url}/admin/reforms/projects`);
      await page.getByPlaceholder('搜索项目名称或编号').fill(project.code);
      await page.getByPlaceholder('搜索项目名称或编号').press('Enter');
      await page.getByRole('link', { name: project.name }).click();
      await page.waitForURL(/\/admin\/reforms\/projects\/[0-9a-f-]{36}$/);
      await page.getByTestId('report-month').click();
      await page.locator('.ant-select-dropdown:visible').getByText(monthText, { exact: true }).click();
      await page.getByTestId('report-start').click();
      await page.waitForURL(/\/admin\/reforms\/reports\/[0-9a-f-]{36}$/);
      await page.locator('#report-summary').fill('节点任务已完成，相关文件已印发。');
      await page.locator(`#report-done-${milestone}`).fill('100');
      const [upload] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/reforms\/reports\/[^/]+\/evidence$/.test(r.url())),
        page
          .locator('input[type=file]')
          .setInputFiles({ name: '印发文件.pdf', mimeType: 'application/pdf', buffer: pdf }),
      ]);
      expect(upload.status(), await upload.text()).toBe(201);
      await expect.poll(() => page.getByTestId('evidence-item').count()).toBe(1);
      await page.getByTestId('report-submit').click();
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('待审核');
      await screenshot(page, 'reforms-report-submitted');
      await signOut();
    });

    it('the office finds it in its review queue and approves it', async () => {
      await signIn('office');
      await page.goto(`${server.url}/admin/reforms/reports`);
      await page.getByTestId('report-link').filter({ hasText: project.name }).click();
      await page.waitForURL(/\/admin\/reforms\/reports\/[0-9a-f-]{36}$/);
      await page.getByTestId('evidence-item').waitFor();
      // What the lead unit typed before uploading its evidence reached the office whole.
      await expect
        .poll(() => page.locator('#report-summary').textContent())
        .toBe('节点任务已完成，相关文件已印发。');
      await page.getByTestId('report-approve').click();
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已通过');
      await screenshot(page, 'reforms-report-approved');
      await signOut();
    });

    it('the public page shows the list’s new percentage and the milestone done', async () => {
      const done = project.milestoneList[milestone]!;
      const total = project.milestoneList.reduce((s, m) => s + m.weight, 0);
      const list = before.lists.find((l) => l.id === project.listId)!;
      const expected = list.percentDone + (100 * (done.weight * (1 - done.done))) / total / list.projects;
      const visitor = await launch();
      try {
        const view = await visitor.newPage();
        await view.goto(`${server.url}/reforms`);
        const card = view.getByTestId('reform-list').filter({ hasText: list.name });
        await expect
          .poll(() => card.getByTestId('reform-list-percent').textContent())
          .toBe(`完成率 ${expected.toFixed(1)}%`);
        expect(expected.toFixed(1)).not.toBe(list.percentDone.toFixed(1));
        await view.goto(`${server.url}/reforms/${project.id}`);
        await expect.poll(() => view.getByTestId('reform-project-name').textContent()).toBe(project.name);
        const step = view.locator('.ant-steps-item').nth(milestone);
        await expect.poll(() => step.textContent()).toContain('已完成');
        await screenshot(view, 'reforms-public-project');
      } finally {
        await visitor.close();
      }
    });
  },
);
