import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll, signIn, signOut } from './support/session.js';
import { openSettled, settle } from './support/settle.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
// A one-pixel PNG: a photo as a phone's camera would send it, small.
const photo = {
  name: '现场照片.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
};

/** Waits until no animation of a popover, modal or message is still running. */
const calm = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

describe.runIf(enabled)(
  'visits: an inspector fills the checklist on a phone, the firm checks the code, confirms and rates',
  () => {
    let server: E2eServer;
    let inspectorPhone: BrowserContext;
    let firmPhone: BrowserContext;
    let page: Page;
    let firmPage: Page;
    const target = { visitId: '', firm: '', login: '', token: '', code: '' };

    beforeAll(async () => {
      server = await startE2eServer();
      inspectorPhone = await launch(phone);
      firmPhone = await launch(phone);
      page = await inspectorPhone.newPage();
      firmPage = await firmPhone.newPage();
      for (const p of [page, firmPage]) await p.emulateMedia({ reducedMotion: 'reduce' });
    });
    afterAll(async () => {
      await inspectorPhone?.close();
      await firmPhone?.close();
      await server?.stop();
    });

    it('the office finds a visit of the published week still to do, and invites its firm’s staff', async () => {
      await signIn(page, server, 'office');
      Object.assign(
        target,
        await page.evaluate(async () => {
          const get = async (p: string) => (await fetch(p)).json();
          const plans = (await get('/api/v1/inspections/plans?pageSize=50')) as {
            items: Array<{ id: string; status: string }>;
          };
          const published = plans.items.find((p) => p.status === 'published')!;
          const plan = (await get(`/api/v1/inspections/plans/${published.id}`)) as {
            visits: Array<{
              id: string;
              status: string;
              firm: { id: string; name: string };
              inspectors: Array<{ id: string }>;
            }>;
          };
          const visit = plan.visits.find((v) => v.status === 'planned')!;
          const inspectors = (await get('/api/v1/inspections/inspectors?pageSize=200')) as {
            items: Array<{ id: string; login: string }>;
          };
          const login = inspectors.items.find((i) => i.id === visit.inspectors[0]!.id)!.login;
          const { csrfToken } = (await get('/api/v1/auth/session')) as { csrfToken: string };
          const invitation = await fetch(`/api/v1/business/firms/${visit.firm.id}/invitations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ displayName: '端到端 企业联络员' }),
          });
          const { token } = (await invitation.json()) as { token: string };
          return { visitId: visit.id, firm: visit.firm.name, login, token };
        }),
      );
      expect(target.token).not.toBe('');
      await signOut(page);
    });

    it('the firm’s staff member joins by the invitation, on a phone', async () => {
      await firmPage.goto(`${server.url}/invite/${target.token}`);
      await firmPage.locator('#invite_login').fill('e2e.visit.firm');
      await firmPage.locator('#invite_password').fill('e2e-visit-firm-password-1');
      await firmPage.locator('#invite_confirm').fill('e2e-visit-firm-password-1');
      await firmPage.locator('button[type=submit]').click();
      await firmPage.waitForURL(/\/firm$/);
    });

    it('the inspector opens the visit on the phone, shows its code and starts it', async () => {
      await signIn(page, server, target.login);
      await openSettled(page, `${server.url}/inspections/visits`);
      await page.getByTestId('inspector-visit').filter({ hasText: target.firm }).first().click();
      await page.getByTestId('visit-qr').waitFor();
      const href = (await page.getByTestId('visit-check-link').getAttribute('href')) ?? '';
      target.code = href.split('/').pop() ?? '';
      expect(target.code).toMatch(/^[0-9a-f]{32}$/);
      await settle(page);
      expect(await noSideScroll(page)).toBe(true);
      await expectNoAxeViolations(page, '/inspections/visits/:id (planned, phone)');
      await page.getByTestId('visit-start').click();
      await expect
        .poll(() => page.getByTestId('visit-status').textContent(), { timeout: 10_000 })
        .toBe('检查中');
      await screenshot(page, 'inspection-visit-started-phone');
    });

    it('the firm scans the code and sees the team and the items they may check', async () => {
      await openSettled(firmPage, `${server.url}/inspections/check/${target.code}`);
      await firmPage.getByTestId('check-page').waitFor();
      expect(await firmPage.getByTestId('check-inspector').count()).toBeGreaterThan(0);
      expect(await firmPage.getByTestId('check-item').count()).toBeGreaterThan(0);
      expect(await firmPage.getByTestId('check-page').textContent()).toContain(target.firm);
      await expectNoAxeViolations(firmPage, '/inspections/check/:code (phone)');
      await openSettled(firmPage, `${server.url}/inspections/check/${'0'.repeat(32)}`);
      expect(await firmPage.getByRole('heading', { name: '找不到这次检查' }).count()).toBe(1);
      await expectNoAxeViolations(firmPage, '/inspections/check/:unknown (phone)');
    });

    it('the inspector records an issue with a photo, the rest compliant, and completes the visit', async () => {
      const cards = page.getByTestId('checklist-item');
      const n = await cards.count();
      expect(n).toBeGreaterThan(0);
      const first = cards.first();
      await first.getByText('发现问题').click();
      await first.getByLabel('情况说明').fill('灭火器压力不足，月度检查记录缺失');
      await first.getByLabel('整改要求').fill('更换过期灭火器，补齐月度检查记录');
      await first.getByTestId('finding-save').click();
      await first.getByTestId('finding-photo').waitFor();
      await first.locator('input[type=file]').setInputFiles(photo);
      await expect.poll(() => first.locator('img').count(), { timeout: 10_000 }).toBe(1);
      for (let i = 1; i < n; i++) {
        const card = cards.nth(i);
        await card.getByText('符合', { exact: true }).click();
        await card.getByTestId('finding-save').click();
        await card.getByTestId('finding-photo').waitFor();
      }
      await calm(page);
      await expectNoAxeViolations(page, '/inspections/visits/:id (started, phone)');
      await page.getByTestId('visit-complete').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect
        .poll(() => page.getByTestId('visit-status').textContent(), { timeout: 10_000 })
        .toBe('已完成');
      expect(await page.getByTestId('finding-save').count()).toBe(0);
      await calm(page);
      await expectNoAxeViolations(page, '/inspections/visits/:id (completed, phone)');
      await screenshot(page, 'inspection-visit-completed-phone');
    });

    it('the firm sees the results in its portal, confirms the rectification and rates the visit once', async () => {
      await openSettled(firmPage, `${server.url}/firm`);
      const result = firmPage.getByTestId('my-result').first();
      await result.waitFor();
      await expectNoAxeViolations(firmPage, '/firm with its results (phone)');
      await result.click();
      await firmPage.getByTestId('result-item').first().waitFor();
      await settle(firmPage);
      await expectNoAxeViolations(firmPage, '/firm/visits/:id (phone)');
      const issue = firmPage
        .getByTestId('result-item')
        .filter({ has: firmPage.getByTestId('rectify-confirm') });
      await issue.getByLabel('整改情况').fill('已更换全部过期灭火器，补齐了月度检查记录');
      await issue.locator('input[type=file]').setInputFiles({ ...photo, name: '整改后.png' });
      await issue.getByTestId('rectify-confirm').click();
      await expect.poll(() => firmPage.getByTestId('rectified').count(), { timeout: 10_000 }).toBe(1);
      const rating = firmPage.getByTestId('visit-rating');
      await rating.getByRole('radio').nth(3).click();
      await rating.getByLabel('意见或建议（可选）').fill('一次查完，没有耽误生产');
      await rating.getByTestId('rating-submit').click();
      await expect
        .poll(() => firmPage.getByTestId('rating-given').textContent(), { timeout: 10_000 })
        .toBe('您的评价：4 分');
      expect(await firmPage.getByTestId('rating-submit').count()).toBe(0);
      // A second rating is refused by the server too.
      const again = await firmPage.evaluate(async (id) => {
        const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const res = await fetch(`/api/v1/inspections/my-results/${id}/rating`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ score: 5 }),
        });
        return res.status;
      }, target.visitId);
      expect(again).toBe(409);
      await calm(firmPage);
      await expectNoAxeViolations(firmPage, '/firm/visits/:id (rectified and rated, phone)');
      await screenshot(firmPage, 'inspection-results-firm-phone');
    });
  },
);
