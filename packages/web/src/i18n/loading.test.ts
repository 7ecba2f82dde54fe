import { describe, expect, it } from 'vitest';
import { changeLocale, i18next, loadTexts } from '.';
import { zhCN } from './resources';

// The test setup has loaded every part in zh-CN, as the pages of a visit would one by one.
describe('texts beyond the entry', () => {
  it('are not in the entry, and are in once loaded', async () => {
    expect('users' in zhCN).toBe(false);
    expect(Object.keys(zhCN.business)).toEqual(['menu', 'scorecard']);
    await loadTexts(['users', 'business']);
    expect(i18next.t('users.title')).toBe('用户管理');
    // A part's file and its area's menu words from the entry side by side.
    expect(i18next.t('business.scorecard.title')).toBe('部门效能月度晾晒');
    expect(i18next.t('business.scorecard.nav')).toBe('部门晾晒');
  });

  it("of the suggestions' console pages join the public ones under the same key", async () => {
    expect('screening' in zhCN.ideas).toBe(false);
    await loadTexts(['ideasDesk']);
    expect(i18next.t('ideas.screening.title')).toBe('建议初筛');
    // The entry's half of ideas is still there beside them.
    expect(i18next.t('ideas.browse.title')).toBe('建议浏览');
  });

  it('come along in the new language when the reader changes it, and back', async () => {
    await changeLocale('en');
    expect(i18next.language).toBe('en');
    expect(i18next.t('users.title')).toBe('Users');
    expect(i18next.t('business.scorecard.title')).toBe("Departments' monthly scorecard");
    expect(i18next.t('business.menu.myFirm')).toBe('My firm');
    expect(i18next.t('ideas.screening.title')).toBe('Screening');
    expect(i18next.t('ideas.browse.title')).toBe('Suggestions');
    await changeLocale('zh-CN');
    expect(i18next.t('users.title')).toBe('用户管理');
  });
});
