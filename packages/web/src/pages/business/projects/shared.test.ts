import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allTranslations } from '../../../i18n/resources';
import { monthWords } from './shared';

async function translator(locale: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: locale, resources: { [locale]: { translation: await allTranslations(locale) } } });
  return i18n.t;
}

describe("the investment dashboard's months", () => {
  it('read as month names in English, never as "month 12"', async () => {
    const t = await translator('en');
    expect(monthWords(t, 'throughMonth', 12, 'en')).toBe('January–December');
    expect(monthWords(t, 'monthShort', 3, 'en')).toBe('Mar');
  });

  it('read as numbers in Chinese', async () => {
    const t = await translator('zh-CN');
    expect(monthWords(t, 'throughMonth', 12, 'zh-CN')).toBe('1—12 月');
    expect(monthWords(t, 'monthShort', 3, 'zh-CN')).toBe('3月');
  });
});
