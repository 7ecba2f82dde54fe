import { describe, expect, it } from 'vitest';
import { changeLocale, i18next } from '../../i18n';
import { nameOptions } from './names';

describe('the audit filters’ pickers', () => {
  it('offer every action and entity type by its name, and send its code', async () => {
    await changeLocale('en');
    const actions = nameOptions(i18next.t, 'actions');
    expect(actions).toContainEqual({ value: 'report.return', label: 'Report returned' });
    expect(actions.every((o) => o.label !== o.value)).toBe(true);
    const types = nameOptions(i18next.t, 'entityTypes');
    expect(types).toContainEqual({ value: 'suggestion', label: 'Suggestion' });
    await changeLocale('zh-CN');
    expect(nameOptions(i18next.t, 'actions')).toContainEqual({ value: 'session.login', label: '登录' });
  });
});
