import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { changeLocale, loadTexts } from '../../i18n';

afterAll(() => changeLocale('zh-CN'));

describe('a firm’s routing notice in the inbox', () => {
  it('names the corrected category in the reader’s language, never by its code', async () => {
    await loadTexts(['business']);
    const params = {
      requestId: 'r1',
      title: '用电增容',
      department: '区市场监管局',
      dueOn: '2026-12-18',
      category: '市场监管',
      categoryEn: 'Market regulation',
    };
    expect(i18next.t('business.notice.firmRoutedCategoryCorrected', params)).toBe(
      '您的诉求“用电增容”已交由区市场监管局办理，类别已更正为“市场监管”，答复期限为 2026-12-18',
    );
    expect(i18next.t('business.notice.firmReroutedCategoryCorrected', params)).toContain(
      '类别已更正为“市场监管”',
    );
    await changeLocale('en');
    expect(i18next.t('business.notice.firmRoutedCategoryCorrected', params)).toBe(
      'Your request “用电增容” was sent to 区市场监管局, its category corrected to “Market regulation”; the answer is due by 2026-12-18',
    );
    expect(i18next.t('business.notice.firmReroutedCategoryCorrected', params)).toContain(
      'its category corrected to “Market regulation”',
    );
  });
});
