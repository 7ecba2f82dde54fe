import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../api/fieldMessage';
import { errorCodes } from '../api/types';
import en from './en/errors.json';
import { allTranslations } from './resources';
import zh from './zh-CN/errors.json';

// A code's words are a string; the groups beside them (field errors, the wait before a retry) are not codes.
const codesOf = (json: Record<string, unknown>) =>
  Object.keys(json).filter((k) => typeof json[k] === 'string');

describe('error messages', () => {
  it('word every problem code of the API in both languages', () => {
    expect(codesOf(zh).sort()).toEqual([...errorCodes].sort());
    expect(codesOf(en).sort()).toEqual([...errorCodes].sort());
    // English's singulars (key_one) have no Chinese twin: parity.test.ts checks they stand beside their key.
    const plain = (keys: string[]) => keys.filter((k) => !k.endsWith('_one')).sort();
    expect(plain(Object.keys(zh.field))).toEqual(plain(Object.keys(en.field)));
  });

  it('word a field error by its code and numbers, else keep the server’s message', async () => {
    const i18n = i18next.createInstance();
    const resources = {
      'zh-CN': { translation: await allTranslations('zh-CN') },
      en: { translation: await allTranslations('en') },
    };
    await i18n.init({ lng: 'zh-CN', resources, interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n);
    const short = { message: 'Too small: expected string to have >=4 characters', code: 'too_small' };
    expect(fieldMessage(t, { ...short, params: { origin: 'string', minimum: 4 } })).toBe('至少 4 个字');
    expect(fieldMessage(t, { message: 'x', code: 'duplicate_of_row', params: { row: 7 } })).toBe(
      '与第 7 行重复',
    );
    expect(fieldMessage(t, { message: 'something new', code: 'never_heard_of' })).toBe('something new');
    // A name several units share: the ledger's import also takes it as `name（code）`, the inspections' does not.
    const shared = { message: 'x names several units', params: { value: '解放社区' } };
    expect(fieldMessage(t, { ...shared, code: 'ambiguous_ledger_unit' })).toBe(
      '有多个单位叫“解放社区”，请写成“解放社区（单位代码）”或只填单位代码',
    );
    expect(fieldMessage(t, { ...shared, code: 'ambiguous_unit' })).toBe(
      '有多个单位叫“解放社区”，请填写单位代码',
    );
    expect(fieldMessage(t, { message: 'plain' })).toBe('plain');
    // A refused step names the states by their words, the needed ones as alternatives.
    const refused = {
      message: 'the plan is approved, and submit needs draft or returned',
      code: 'invalid_transition',
      params: { current: 'approved', wanted: 'draft,returned' },
    };
    expect(fieldMessage(t, refused)).toBe(
      '当前为“已通过”状态，此操作仅限“草稿或已退回”状态；请刷新后查看最新状态',
    );
    await i18n.changeLanguage('en');
    expect(fieldMessage(t, { ...short, params: { origin: 'string', minimum: 4 } })).toBe(
      'At least 4 characters',
    );
    expect(fieldMessage(t, { ...shared, code: 'ambiguous_ledger_unit' })).toBe(
      'Several units are called “解放社区”; write “解放社区（unit code）” or the code alone',
    );
    expect(fieldMessage(t, refused)).toBe(
      'Not possible while it is approved: only while it is draft or returned. Reload it to see where it stands',
    );
  });

  it('word a refused step’s states as the record’s own page does, else in the general words', async () => {
    const i18n = i18next.createInstance();
    const resources = { 'zh-CN': { translation: await allTranslations('zh-CN') } };
    await i18n.init({ lng: 'zh-CN', resources, interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n);
    const step = (entity: string | undefined, current: string, wanted: string) => ({
      message: 'refused',
      code: 'invalid_transition',
      params: { current, wanted, ...(entity ? { entity } : {}) },
    });
    // An inspection visit's page says 待检查 and 检查中, not the general 已计划 and 进行中.
    expect(fieldMessage(t, step('inspectionVisit', 'planned', 'started'))).toBe(
      '当前为“待检查”状态，此操作仅限“检查中”状态；请刷新后查看最新状态',
    );
    // A study visit's page says 已安排 and 已完成考察.
    expect(fieldMessage(t, step('studyVisit', 'planned', 'done,reported'))).toBe(
      '当前为“已安排”状态，此操作仅限“已完成考察或已报送报告”状态；请刷新后查看最新状态',
    );
    // A state the entity's table leaves out, an entity without a table, and no entity at all
    // read as the general words.
    expect(fieldMessage(t, step('reformReport', 'approved', 'submitted'))).toBe(
      '当前为“已通过”状态，此操作仅限“待审核”状态；请刷新后查看最新状态',
    );
    expect(fieldMessage(t, step('targetPlan', 'planned', 'started'))).toBe(
      '当前为“已计划”状态，此操作仅限“进行中”状态；请刷新后查看最新状态',
    );
    expect(fieldMessage(t, step(undefined, 'planned', 'started'))).toBe(
      '当前为“已计划”状态，此操作仅限“进行中”状态；请刷新后查看最新状态',
    );
  });

  it('word every state of a page’s own state table as that page does', async () => {
    const pages = {
      inspectionVisit: (await import('./zh-CN/inspections.json')).default.visitStatus,
      studyVisit: (await import('./zh-CN/reforms.json')).default.learning.statuses,
      reformReport: (await import('./zh-CN/reforms.json')).default.reportStatuses,
      reformCase: (await import('./zh-CN/reforms.json')).default.cases.statuses,
    };
    const own = zh.states as unknown as Record<string, Record<string, string> | string>;
    for (const [entity, page] of Object.entries(pages)) {
      const table = own[entity];
      expect(typeof table, entity).toBe('object');
      const words = page as Record<string, string>;
      for (const [state, word] of Object.entries(table as Record<string, string>))
        expect(word, `${entity}.${state}`).toBe(words[state]);
    }
  });
});

describe('field error codes', () => {
  it('have words for every code the server gives a field error', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '..', '..', '..', 'server', 'src');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      // Test support builds requests (a rejection's reason, say); it gives no field error.
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-support'),
    );
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/message:[^;]*?,\s*code: '([a-z_]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/reason: '([a-z_]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(20);
    const worded = (code: string, table: Record<string, string>) =>
      code in table || Object.keys(table).some((k) => k.startsWith(`${code}_`));
    for (const code of codes) {
      expect(worded(code, zh.field), `zh-CN errors.field.${code}`).toBe(true);
      expect(worded(code, en.field), `en errors.field.${code}`).toBe(true);
    }
  });
});
