import { describe, expect, it } from 'vitest';
import { changeLocale, i18next } from '../../i18n';
import { domainLabel } from './shared';

describe('a domain’s name', () => {
  it('is the translation of a known code, else the campaign’s own name, never the code', async () => {
    await changeLocale('en');
    expect(domainLabel(i18next.t, 'transport', '交通出行')).toBe('Transport');
    expect(domainLabel(i18next.t, 'custom', '自定领域')).toBe('自定领域');
    expect(domainLabel(i18next.t, 'custom', null)).toBe('Unknown domain');
    await changeLocale('zh-CN');
    expect(domainLabel(i18next.t, 'technology', null)).toBe('科技创新');
  });
});
