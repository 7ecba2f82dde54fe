import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { calm, phone } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { noSideScroll, signIn, signOut } from './support/session.js';
import { openSettled, settle } from './support/settle.js';
import {
  completeVisit,
  confirmRectification,
  inviteFirmStaff,
  joinByInvitation,
  rateVisit,
  recordFindings,
  startVisit,
} from './support/visits.js';

const enabled = browserAvailability();

describe.runIf(enabled)(
  'visits: an inspector fills the checklist on a phone, the firm checks the code, confirms and rates',
  () => {
    let server: E2eServer;
    let inspectorPhone: BrowserContext;
    let firmPhone: BrowserContext;
    let page: Page;
    let firmPage: Page;
    const target = { visitId: '', firm: '', firmId: '', login: '', token: '', code: '' };

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
          return { visitId: visit.id, firm: visit.firm.name, firmId: visit.firm.id, login };
        }),
      );
      target.token = await inviteFirmStaff(page, target.firmId, '端到端 企业联络员');
      expect(target.token).not.toBe('');
      await signOut(page);
    });

    it('the firm’s staff member joins by the invitation, on a phone', async () => {
      await joinByInvitation(firmPage, server, {
        token: target.token,
        login: 'e2e.visit.firm',
        password: 'e2e-visit-firm-password-1',
      });
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
      await startVisit(page);
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
      await recordFindings(page, {
        note: '灭火器压力不足，月度检查记录缺失',
        requirement: '更换过期灭火器，补齐月度检查记录',
      });
      await calm(page);
      await expectNoAxeViolations(page, '/inspections/visits/:id (started, phone)');
      await completeVisit(page);
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
      await confirmRectification(firmPage, '已更换全部过期灭火器，补齐了月度检查记录');
      await rateVisit(firmPage, 4, '一次查完，没有耽误生产');
      // A second rating is refused by the server too.
      const again = await callApi(
        firmPage,
        'POST',
        `/api/v1/inspections/my-results/${target.visitId}/rating`,
        {
          score: 5,
        },
      );
      expect(again.status).toBe(409);
      await calm(firmPage);
      await expectNoAxeViolations(firmPage, '/firm/visits/:id (rectified and rated, phone)');
      await screenshot(firmPage, 'inspection-results-firm-phone');
    });
  },
);
