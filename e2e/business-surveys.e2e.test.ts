import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn, signInTo, signOut } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };
const citizen = '13912345678';

/** Scores every question of one department's card, each with the given level. */
async function scoreAll(card: Locator, level: number) {
  const groups = card.getByRole('radiogroup');
  await groups.first().waitFor();
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++)
    // antd's radio buttons hide their inputs: a thumb presses the label.
    await groups
      .nth(i)
      .locator('label', { hasText: new RegExp(`^${level} `) })
      .click();
}

describe.runIf(enabled)(
  'business: a firm and a member of the public answer the effectiveness survey, its results count both',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let surveyTitle = '';

    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch(phone);
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a firm’s staff member answers for the firm on a phone, once', async () => {
      await signInTo(page, server, 'firm1', '/firm/surveys');
      const entry = page.getByTestId('firm-survey').first();
      surveyTitle = ((await entry.textContent()) ?? '').match(/\d{4}年第\d季度千企万众评效能/)?.[0] ?? '';
      expect(surveyTitle).not.toBe('');
      await entry.getByRole('link').click();
      await scoreAll(page.getByTestId('survey-department').first(), 4);
      await page.getByTestId('survey-submit').click();
      await page.getByText('感谢参与，您的评价已记录。').waitFor();
      await page.goBack();
      await page.reload();
      await page.getByText('已作答').first().waitFor();
      await expectFitsWidth(page);
      await signOut(page);
    });

    it('a member of the public proves a phone by its code and answers', async () => {
      await page.goto(`${server.url}/business/surveys`);
      await page.getByTestId('open-survey').filter({ hasText: surveyTitle }).getByRole('link').click();
      await page.waitForURL(/\/business\/surveys\/[0-9a-f-]{36}\/answer$/);
      await page.getByTestId('survey-phone').fill(citizen);
      await page.getByTestId('survey-send-code').click();
      await page.getByText('验证码已发送到您的手机').waitFor();
      // The demo's text-message provider writes the message to the server's log.
      const sent = new RegExp(`${citizen}[^\\n]*验证码为 (\\d{6})`);
      await expect.poll(() => sent.test(server.printed()), { timeout: 10_000 }).toBe(true);
      const code = server.printed().match(sent)![1]!;
      await page.getByTestId('survey-code').fill(code);
      await scoreAll(page.getByTestId('survey-department').nth(1), 2);
      await page.getByTestId('survey-submit').click();
      await page.getByText('感谢参与，您的评价已记录。').waitFor();
      await expectFitsWidth(page);
      await screenshot(page, 'business-survey-answered-phone');
    });

    it('the office closes the survey, and its public results count the firm and the phone', async () => {
      const counted = async () => {
        const list = (await page.evaluate(async () =>
          (await fetch('/api/v1/public/business/surveys')).json(),
        )) as {
          open: Array<{ title: string }>;
          closed: Array<{ title: string }>;
        };
        return list;
      };
      expect((await counted()).open.map((s) => s.title)).toContain(surveyTitle);
      await page.setViewportSize(desktop);
      await signIn(page, server, 'office');
      await page.goto(`${server.url}/admin/business/surveys`);
      const row = page.locator('.ant-table-row', { hasText: surveyTitle });
      // The demo's open survey had 36 answers by phone and none by a firm before these two.
      await row.getByText('n = 38（企业 1，群众 37）').waitFor();
      // The row's button is named by its verb and the survey.
      await row.getByRole('button', { name: `结束：${surveyTitle}`, exact: true }).click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(async () => (await counted()).closed.map((s) => s.title)).toContain(surveyTitle);
      await signOut(page);
      await page.setViewportSize(phone);
      await page.goto(`${server.url}/business/surveys`);
      await page.getByTestId('closed-survey').filter({ hasText: surveyTitle }).getByRole('link').click();
      await page.getByText('n = 38（企业 1，群众 37）').first().waitFor();
      await expectFitsWidth(page);
    });
  },
);
