import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allTranslations } from '../../i18n/resources';
import { creditCodeMessage } from './creditCode';

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  const resources = {
    'zh-CN': { translation: await allTranslations('zh-CN') },
    en: { translation: await allTranslations('en') },
  };
  await i18n.init({ lng, resources, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

describe('the credit code as it is typed', () => {
  it('passes a valid code however it is pasted', async () => {
    const t = await translator('zh-CN');
    expect(creditCodeMessage(t, '914403001922038216')).toBeNull();
    expect(creditCodeMessage(t, ' 9150 0114 0000 0000 1n')).toBeNull();
  });

  it('says what is wrong in the reader’s language, naming the position', async () => {
    const zh = await translator('zh-CN');
    expect(creditCodeMessage(zh, '9144030019220382')).toBe('统一社会信用代码应为 18 位');
    expect(creditCodeMessage(zh, '914403001922038217')).toBe('校验码不符，请核对是否有输错的字符');
    expect(creditCodeMessage(zh, '9144030019220382I6')).toBe(
      '第 17 位不是代码使用的字符（数字或除 I、O、Z、S、V 外的大写字母）',
    );
    const en = await translator('en');
    expect(creditCodeMessage(en, '944403001922038216')).toBe(
      'The second character is not an organisation category of that authority',
    );
  });
});
