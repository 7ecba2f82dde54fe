import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiJson } from './api.js';
import { photo } from './phone.js';
import type { E2eServer } from './server.js';

/** The district office invites a staff account for a firm; the invitation's token comes back. */
export async function inviteFirmStaff(page: Page, firmId: string, displayName: string): Promise<string> {
  const { token } = await apiJson<{ token: string }>(
    page,
    'POST',
    `/api/v1/business/firms/${firmId}/invitations`,
    {
      displayName,
    },
  );
  return token;
}

/** The firm's staff member joins by the invitation and lands on the firm's page. */
export async function joinByInvitation(
  page: Page,
  server: E2eServer,
  invite: { token: string; login: string; password: string },
) {
  await page.goto(`${server.url}/invite/${invite.token}`);
  await page.locator('#invite_login').fill(invite.login);
  await page.locator('#invite_password').fill(invite.password);
  await page.locator('#invite_confirm').fill(invite.password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/firm$/);
}

/** On the inspector's visit page: starts the visit at the firm. */
export async function startVisit(page: Page) {
  await page.getByTestId('visit-start').click();
  await expect.poll(() => page.getByTestId('visit-status').textContent(), { timeout: 10_000 }).toBe('检查中');
}

/**
 * Fills the started visit's checklist: the first item an issue with its rectification
 * requirement and a photo, every other item compliant. Returns the number of items.
 */
export async function recordFindings(
  page: Page,
  issue: { note: string; requirement: string },
): Promise<number> {
  const cards = page.getByTestId('checklist-item');
  const n = await cards.count();
  expect(n).toBeGreaterThan(0);
  const first = cards.first();
  await first.getByText('发现问题').click();
  await first.getByLabel('情况说明').fill(issue.note);
  await first.getByLabel('整改要求').fill(issue.requirement);
  // The deadline reads whole on a phone: 10 working days, not a "1" with the rest cut off.
  const days = first.getByLabel('整改期限（工作日）');
  expect(await days.inputValue()).toBe('10');
  expect(await days.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth)).toBe(true);
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
  return n;
}

/** Completes the visit; its findings can no longer be changed. */
export async function completeVisit(page: Page) {
  await page.getByTestId('visit-complete').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect.poll(() => page.getByTestId('visit-status').textContent(), { timeout: 10_000 }).toBe('已完成');
  expect(await page.getByTestId('finding-save').count()).toBe(0);
}

/** On the firm's visit page: confirms the one open rectification, with a photo of the result. */
export async function confirmRectification(page: Page, note: string) {
  const issue = page.getByTestId('result-item').filter({ has: page.getByTestId('rectify-confirm') });
  await issue.getByLabel('整改情况').fill(note);
  await issue.locator('input[type=file]').setInputFiles({ ...photo, name: '整改后.png' });
  await issue.getByTestId('rectify-confirm').click();
  await expect.poll(() => page.getByTestId('rectified').count(), { timeout: 10_000 }).toBe(1);
}

/** On the firm's visit page: rates the visit (1–5) with a comment; the form then goes. */
export async function rateVisit(page: Page, score: number, comment: string) {
  const rating = page.getByTestId('visit-rating');
  await rating
    .getByRole('radio')
    .nth(score - 1)
    .click();
  await rating.getByLabel('意见或建议（可选）').fill(comment);
  await rating.getByTestId('rating-submit').click();
  await expect
    .poll(() => page.getByTestId('rating-given').textContent(), { timeout: 10_000 })
    .toBe(`您的评价：${score} 分`);
  expect(await page.getByTestId('rating-submit').count()).toBe(0);
}
