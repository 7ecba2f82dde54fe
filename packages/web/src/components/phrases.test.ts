import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en/common.json';
import zh from '../i18n/zh-CN/common.json';
import { listed, withNote } from './phrases';

async function tIn(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: { common: zh } }, en: { translation: { common: en } } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('names with their units, and lists of names', () => {
  it('writes them in Chinese with full-width parentheses and 、', async () => {
    const t = await tIn('zh-CN');
    expect(listed(t, [withNote(t, '王建国', '区市场监管局'), withNote(t, '张伟', null)])).toBe(
      '王建国（区市场监管局）、张伟',
    );
  });

  it('writes them in English with a space before the parenthesis and commas', async () => {
    const t = await tIn('en');
    expect(listed(t, [withNote(t, 'Wang Jianguo', 'Market Regulation'), 'Zhang Wei'])).toBe(
      'Wang Jianguo (Market Regulation), Zhang Wei',
    );
  });
});
