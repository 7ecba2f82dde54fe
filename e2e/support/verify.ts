import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The follow-up's reported rectifications (待验收), the firm's row found on the plans page, read
 * afresh: the firm may have reported since the list was shown.
 */
async function reportedRow(page: Page, firm: string) {
  await page.reload();
  const followUp = page.getByTestId('rectifications');
  await followUp.waitFor();
  await followUp.locator('.ant-segmented-item', { hasText: '待验收' }).click();
  const row = followUp
    .locator('tr', { hasText: firm })
    .filter({ has: page.getByTestId('rectification-accept') });
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
  return row;
}

/** A department's staff return the firm's reported rectification with a reason, in the dialog. */
export async function returnRectification(page: Page, firm: string, reason: string) {
  const row = await reportedRow(page, firm);
  await row.getByTestId('rectification-return').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('退回理由').fill(reason);
  await dialog.getByTestId('return-submit').click();
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
}

/** A department's staff accept the firm's reported rectification, asked once more. */
export async function acceptRectification(page: Page, firm: string) {
  const row = await reportedRow(page, firm);
  await row.getByTestId('rectification-accept').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
}
