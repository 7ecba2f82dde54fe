import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson } from './support/api.js';
import { expectNoAxeViolations } from './support/axe.js';
import { browserAvailability, launch } from './support/browser.js';
import { calm, phone } from './support/phone.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { signIn, signOut } from './support/session.js';

const enabled = browserAvailability();
const title = '高铁站夜间增开公交';
const body = '最后一班高铁到站后已没有公交，建议增开夜间接驳公交线路。';

describe.runIf(enabled)('a suggestion sent after the period ended while the citizen wrote it', () => {
  let server: E2eServer;
  let citizen: BrowserContext;
  let office: BrowserContext;
  beforeAll(async () => {
    server = await startE2eServer();
    citizen = await launch(phone);
    office = await launch();
  });
  afterAll(async () => {
    await citizen?.close();
    await office?.close();
    await server?.stop();
  });

  it('says the campaign has closed instead of showing the form again, and keeps what was written to copy', async () => {
    const page = await citizen.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/ideas/submit`);
    await page.getByLabel('标题', { exact: true }).fill(title);
    await page.getByLabel('建议内容', { exact: true }).fill(body);
    await expect.poll(() => page.getByTestId('submit-town').locator('option').count()).toBeGreaterThan(1);
    await page.getByTestId('submit-town').selectOption({ index: 1 });

    // Meanwhile the office ends the period in the past.
    const desk = await office.newPage();
    await signIn(desk, server, 'office');
    const campaign = await apiJson<{ id: string }>(desk, 'GET', '/api/v1/public/campaign');
    await apiJson(desk, 'PATCH', `/api/v1/ideas/campaigns/${campaign.id}`, { endsOn: '2026-07-31' });
    await signOut(desk);

    await page.getByTestId('submit-suggestion').click();
    const closed = page.getByTestId('intake-closed');
    await closed.waitFor();
    expect(await closed.getByRole('heading').textContent()).toBe('本期征集已于 2026-07-31 截止');
    expect(await page.getByTestId('submit-suggestion').count()).toBe(0);
    expect(await page.getByLabel('您填写的内容，可复制留存').inputValue()).toBe(`${title}\n\n${body}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-closed-title');
    await calm(page);
    await expectNoAxeViolations(page, '/ideas/submit (closed while writing)');
    await closed.getByRole('link', { name: '查询办理进展' }).click();
    await page.waitForURL((u) => u.pathname === '/ideas/track');
  });
});
