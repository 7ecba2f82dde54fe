import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launch, screenshot } from './support/browser.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { expectFitsWidth, signIn, signInTo, signOut } from './support/session.js';

const enabled = browserAvailability();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };
const title = '端到端 技改项目备案进度咨询';

describe.runIf(enabled)(
  'business: a firm raises a request, the department answers, a bad rating is rectified',
  () => {
    let server: E2eServer;
    let browser: BrowserContext;
    let page: Page;
    let requestUrl = '';

    beforeAll(async () => {
      server = await startE2eServer();
      browser = await launch(phone);
      page = await browser.newPage();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    /** Signs the firm's staff member in on the phone, landing on `path`. */
    const firmSignIn = async (path: string) => {
      await page.setViewportSize(phone);
      await signInTo(page, server, 'firm1', path);
    };

    /** Signs staff in at a desk and opens the request from the console. */
    const openAsStaff = async (login: string) => {
      await page.setViewportSize(desktop);
      await signIn(page, server, login);
      await page.goto(`${server.url}/admin/business/requests`);
      await page.getByTestId('request-search').locator('input').fill(title);
      await page.getByTestId('request-search').locator('input').press('Enter');
      await page.locator('.ant-table-row', { hasText: title }).click();
      await page.getByTestId('request-view').waitFor();
    };

    /** Leaves the console's drawer for the overview, whose user menu signs out. */
    const staffSignOut = async () => {
      await page.goto(`${server.url}/admin`);
      await signOut(page);
    };

    const status = () => page.getByTestId('request-status').first().textContent();

    it('the firm raises a request on its phone', async () => {
      await firmSignIn('/firm/requests');
      await page.getByTestId('request-raise').click();
      await page.locator('#raise_categoryCode').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '审批服务' })
        .click();
      await page.locator('#raise_title').fill(title);
      await page
        .locator('#raise_body')
        .fill(
          '我司计划投资800万元实施生产线技术改造，已在投资项目在线审批监管平台提交备案，请问还需补充哪些材料。',
        );
      await page.getByTestId('request-submit').click();
      await page.waitForURL(/\/firm\/requests\/[0-9a-f-]{36}$/);
      requestUrl = page.url();
      expect(await status()).toBe('待分办');
      await expectFitsWidth(page);
      await screenshot(page, 'business-request-raised-phone');
      await signOut(page);
    });

    /** The routing form lies within the window, as wide as it is: nothing of it past the right edge. */
    const routeFormFits = async (width: number) => {
      await page.setViewportSize({ width, height: 800 });
      await page.locator('#route_note').scrollIntoViewIfNeeded();
      for (const part of ['form#route', '#route_categoryCode', '#route_note', '[data-testid=route-submit]']) {
        const box = await page.locator(part).first().boundingBox();
        expect(box, part).not.toBeNull();
        expect(box!.x, part).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${part} at ${width}px`).toBeLessThanOrEqual(width);
      }
    };

    it('the office routes it, correcting its category and asking the department to work with another, and the department answers', async () => {
      await openAsStaff('office');
      await page.getByTestId('route-suggestion').waitFor();
      await routeFormFits(375);
      await routeFormFits(1366);
      await page.locator('#route_departmentId').fill('发展改革');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '区发展改革委' })
        .click();
      await page.locator('#route_categoryCode').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '政策咨询' })
        .click();
      await page.locator('#route_note').fill('请会同区市场监管局办理');
      await page.getByTestId('route-submit').click();
      await expect.poll(status).toBe('办理中');
      await staffSignOut();

      await openAsStaff('dept');
      await expect
        .poll(() => page.getByTestId('request-routing-note').textContent())
        .toBe('请会同区市场监管局办理');
      await page.getByText('诉求类别由“审批服务”更正为“政策咨询”').first().waitFor();
      expect(await page.locator('.ant-tag', { hasText: '剩余 5 个工作日' }).count()).toBeGreaterThan(0);
      await page.locator('#answer_body').fill('已安排专人对接，备案材料清单已发送至贵公司联系人。');
      await page.getByTestId('answer-submit').click();
      await expect.poll(status).toBe('待评价');
      await staffSignOut();
    });

    it('the firm opens the request from its messages and rates it 不满意, which opens a rectification', async () => {
      // The firm was told who holds its request and by when; the answer's message opens the request.
      await firmSignIn('/inbox');
      await page
        .getByTestId('inbox-item')
        .filter({ hasText: `您的诉求“${title}”已交由区发展改革委办理` })
        .waitFor();
      await page.getByRole('link', { name: `区发展改革委已答复您的诉求“${title}”，请评价` }).click();
      await page.waitForURL(requestUrl);
      await page.locator('.ant-rate-star').nth(1).click();
      await page.locator('#rate_comment').fill('只给了材料清单，没有实际帮助');
      await page.getByTestId('rate-submit').click();
      await expect.poll(status).toBe('整改中');
      await signOut(page);
    });

    it('the department visits the firm and gives the rectification result', async () => {
      await openAsStaff('dept');
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      await page.locator('#visit_visitedOn').click();
      await page.locator('#visit_visitedOn').fill(today);
      await page.locator('#visit_visitedOn').press('Enter');
      await page.locator('#visit_note').fill('上门回访，企业希望有专人指导补充材料');
      await page.getByTestId('visit-submit').click();
      await page.locator('#rectify_body').waitFor();
      await page.locator('#rectify_body').fill('已指派专人上门指导，备案已于当日办结。');
      await page.getByTestId('rectify-submit').click();
      await expect.poll(status).toBe('待评价');
      await staffSignOut();
    });

    it('the firm rates the rectification, and the whole trail stays on its phone', async () => {
      await firmSignIn(new URL(requestUrl).pathname);
      await page.locator('.ant-rate-star').nth(3).click();
      await page.getByTestId('rate-submit').click();
      await expect.poll(status).toBe('已办结');
      const trail = (await page.getByTestId('request-timeline').textContent()) ?? '';
      for (const step of ['企业提出诉求', '分办至 区发展改革委', '差评启动整改', '回访', '提交整改结果'])
        expect(trail).toContain(step);
      expect(trail.match(/企业评价/g)?.length).toBe(2);
      const answers = page.getByTestId('request-answer');
      expect(await answers.count()).toBe(2);
      expect(await answers.first().textContent()).toContain('不满意');
      expect(await answers.last().textContent()).toContain('满意');
      await expectFitsWidth(page);
      await screenshot(page, 'business-request-closed-phone');
    });

    it('the commission sends a formal reminder (督办) and the department acknowledges it', async () => {
      await page.setViewportSize(desktop);
      await signIn(page, server, 'supervisor');
      // A request the demo department (区发展改革委) is working on: its open ones, from the dashboard.
      await page.goto(`${server.url}/admin/business/supervision`);
      await page
        .getByTestId('supervision-table')
        .locator('tr.ant-table-row', { hasText: '区发展改革委' })
        .locator('td:nth-child(2) a')
        .click();
      await page.getByTestId('request-drill').waitFor();
      const row = page.locator('.ant-table-row').first();
      const held = (await row.locator('td').first().textContent()) ?? '';
      await row.click();
      await page.getByTestId('supervision-panel').waitFor();
      await page.locator('#supervise_body').fill('企业反映进度慢，请于两个工作日内答复');
      await page.getByTestId('supervision-submit').click();
      await expect.poll(() => page.getByTestId('supervision-entry').count()).toBe(1);
      // From the request to its audit trail: the reminder is there, by its name.
      await page.getByTestId('request-audit').click();
      await page.getByTestId('audit-entity').waitFor();
      await page.getByText('纪委监督（备注或督办）').first().waitFor();
      await staffSignOut();

      // The department opens the request from the reminder's message, in the console's drawer.
      await signIn(page, server, 'dept');
      await page.goto(`${server.url}/inbox`);
      await page
        .getByRole('link')
        .filter({ hasText: '企业反映进度慢，请于两个工作日内答复' })
        .first()
        .click();
      await page.getByTestId('supervision-acknowledge').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/business/requests');
      expect(new URL(page.url()).searchParams.get('request')).toBeTruthy();
      expect(await page.locator('.ant-drawer-title').textContent()).toBe(held);
      await page.locator('[id$="_note"]').last().fill('已安排专人办理，明日答复企业');
      await page.getByTestId('supervision-acknowledge').click();
      await page.getByTestId('supervision-ack').waitFor();
      expect(await page.getByTestId('supervision-ack').textContent()).toContain('已安排专人办理');
      await staffSignOut();
    });

    it('the supervisor sees the figures per department and drills down to the requests behind one', async () => {
      await page.setViewportSize(desktop);
      await signIn(page, server, 'supervisor');
      await page.goto(`${server.url}/admin/business/supervision`);
      const table = page.getByTestId('supervision-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      // The first department's bad ratings (the demo has some): the number, then the list.
      const row = table
        .locator('tbody tr.ant-table-row')
        .filter({ has: page.locator('td:nth-child(5) a') })
        .first();
      const count = Number(await row.locator('td:nth-child(5) a').textContent());
      await row.locator('td:nth-child(5) a').click();
      await page.getByTestId('request-drill').waitFor();
      expect(page.url()).toContain('flag=badRating');
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(Math.min(count, 20));
      // On a phone the whole list scrolls within itself; the page does not scroll sideways.
      await page.setViewportSize(phone);
      await page.goto(`${server.url}/admin/business/requests`);
      await rows.first().waitFor();
      await expectFitsWidth(page);
      await page.setViewportSize(desktop);
      await staffSignOut();
    });

    it('the office sets the scorecard, and the public page on a phone ranks by it', async () => {
      await page.setViewportSize(desktop);
      await signIn(page, server, 'office');
      await page.goto(`${server.url}/admin/business/requests`);
      await page.getByTestId('scorecard-settings').click();
      await page.locator('#goodFrom').waitFor();
      await page.locator('#goodFrom').fill('90');
      await page.locator('#poorBelow').fill('70');
      await page.getByRole('button', { name: /OK|确\s*定/ }).click();
      await page.getByText('晾晒设置已保存').waitFor();
      await staffSignOut();
      await page.setViewportSize(phone);
      await page.goto(`${server.url}/business/scorecard`);
      await page.getByTestId('scorecard-table').waitFor();
      const intro = (await page.locator('main').textContent()) ?? '';
      expect(intro).toContain('90 分及以上为“好”，低于 70 分为“差”');
      // Every listed score sits in the tier the new cut-offs give it.
      const rows = page.locator('[data-testid=scorecard-table] tbody tr.ant-table-row');
      expect(await rows.count()).toBeGreaterThan(1);
      for (const row of await rows.all()) {
        const score = Number(await row.getByTestId('scorecard-score').textContent());
        const tier = await row.getByTestId('scorecard-tier').textContent();
        expect(tier).toBe(score >= 90 ? '好' : score < 70 ? '差' : '中');
      }
      await expectFitsWidth(page);
      await screenshot(page, 'business-scorecard-phone');
    });

    it('a file refused while raising a request leaves one request, which takes the file again', async () => {
      const again = '端到端 厂房消防验收材料咨询';
      await firmSignIn('/firm/requests');
      await page.getByTestId('request-raise').click();
      await page.locator('#raise_categoryCode').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '审批服务' })
        .click();
      await page.locator('#raise_title').fill(again);
      await page.locator('#raise_body').fill('新建厂房即将完工，请问消防验收需要准备哪些材料。');
      // Named a PDF, but text inside: the server refuses it once the request is made.
      await page.locator('input[type=file]').setInputFiles({
        name: '验收报告.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('not a pdf'),
      });
      await page.getByTestId('request-submit').click();
      await page.waitForURL(/\/firm\/requests\/[0-9a-f-]{36}$/);
      await page.getByText('以下附件未能上传：验收报告.pdf（不接受这种文件）').waitFor();
      // The request's page takes a file the server accepts.
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
        'base64',
      );
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
      await page.getByRole('link', { name: '现场照片.png' }).waitFor();
      await page.goto(`${server.url}/firm/requests`);
      await page.getByTestId('my-request').first().waitFor();
      expect(await page.getByTestId('my-request').filter({ hasText: again }).count()).toBe(1);
      // Just raised, it heads the list, above the requests closed long ago.
      expect(await page.getByTestId('my-request').first().textContent()).toContain(again);
      await expectFitsWidth(page);
    });
  },
);
