import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { changeLocale, loadTexts } from '../../i18n';

afterAll(() => changeLocale('zh-CN'));

describe('reform notices in the inbox', () => {
  it('show the month in words, as the pages do, in both languages', async () => {
    await loadTexts(['reforms']);
    const params = { projectName: '企业开办全程网办', period: '2026-11' };
    expect(i18next.t('reforms.notice.approved', params)).toBe('“企业开办全程网办”2026年11月进展已审核通过');
    await changeLocale('en');
    expect(i18next.t('reforms.notice.approved', params)).toBe(
      'The November 2026 progress of “企业开办全程网办” was approved',
    );
  });
});
