import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { loadWorkbook, sheetOf, validationOf } from '../test-support/workbook.js';
import { type Choice, choiceFinder } from './excel-import-choices.js';
import { headerIndex, type ImportColumn } from './excel-import-header.js';
import { importTemplate } from './excel-import-template.js';
import { wordImportError } from './excel-import-words.js';

const kinds: Choice[] = [
  { code: 'resident', zh: '居民', en: 'Resident' },
  { code: 'cadre', zh: '干部', en: 'Civil servant' },
];
const towns: Choice[] = [
  { code: 'QJ-S04', zh: '石会镇' },
  { code: 'QJ-V01', zh: '新村' },
  { code: 'QJ-V02', zh: '新村' },
];
const sources: Choice[] = [
  { code: 'national', zh: '国家级', en: 'National', aliases: ['国家'] },
  { code: 'local', zh: '区级', en: 'District', aliases: ['区县', '本地'] },
];
const columns: ImportColumn[] = [
  { key: 'townCode', header: '所在镇街', headerEn: 'Town', aliases: ['镇街代码'] },
  { key: 'authorKind', header: '身份', headerEn: 'Author kind' },
];

describe('an enumerated cell', () => {
  const kind = choiceFinder(kinds);
  const town = choiceFinder(towns);

  it.each([
    ['resident', 'resident'],
    ['居民', 'resident'],
    [' 居民 ', 'resident'],
    ['Civil servant', 'cadre'],
    ['civil SERVANT', 'cadre'],
    ['ＣＡＤＲＥ', 'cadre'],
  ])('reads %j as the code %j', (text, code) => {
    expect(kind(text)).toBe(code);
  });

  it('reads a town by its code or its Chinese name', () => {
    expect(town('QJ-S04')).toBe('QJ-S04');
    expect(town('qj-s04')).toBe('QJ-S04');
    expect(town('石会镇')).toBe('QJ-S04');
  });

  it('reads an alias as its choice', () => {
    const source = choiceFinder(sources);
    expect(['国家', '本地', ' 区县 ', 'District', 'local'].map(source)).toEqual([
      'national',
      'local',
      'local',
      'local',
      'local',
    ]);
  });

  it('knows nothing it was not given, and no name two choices share', () => {
    expect(kind('学生')).toBeUndefined();
    expect(town('石会镇1')).toBeUndefined();
    expect(town('新村')).toBeNull();
    expect(town('QJ-V02')).toBe('QJ-V02');
  });
});

describe('an import header', () => {
  it.each([
    [['所在镇街', '身份']],
    [['Town', 'Author kind']],
    [['town', 'AUTHOR KIND ']],
    [['townCode', 'authorKind']],
    [['镇街代码', '身份']],
  ])('takes %j', (cells) => {
    expect([...headerIndex(cells, columns)]).toEqual([
      ['townCode', 0],
      ['authorKind', 1],
    ]);
  });
});

describe('a row report', () => {
  const refused = new AppError('VALIDATION', 'x', [
    {
      path: 'row 5.townCode',
      message: 'no such value',
      code: 'unknown_choice',
      params: { value: '石会镇1' },
    },
    { path: 'row 6.authorKind', message: 'Required', code: 'required' },
  ]);

  it('names the column and words the reason in Chinese', () => {
    const worded = wordImportError(refused, columns, 'zh-CN');
    expect(worded.errors[0]).toMatchObject({
      path: 'row 5.townCode',
      code: 'unknown_choice',
      message: '找不到「石会镇1」',
      params: { column: '所在镇街', value: '石会镇1' },
    });
    expect(worded.message).toContain('第 5 行 · 所在镇街：找不到「石会镇1」');
    expect(worded.message).toContain('第 6 行 · 身份：必填');
  });

  it('and in English', () => {
    const worded = wordImportError(refused, columns, 'en');
    expect(worded.errors[0]).toMatchObject({ params: { column: 'Town' } });
    expect(worded.message).toContain('Row 5 · Town: No such value: “石会镇1”');
  });

  it("says an empty cell is required, and words a number's limits as a number's", () => {
    const limits = new AppError('VALIDATION', 'x', [
      { path: 'row 2.townCode', message: 'x', code: 'too_small', params: { origin: 'string', minimum: 1 } },
      { path: 'row 3.townCode', message: 'x', code: 'too_small', params: { origin: 'string', minimum: 2 } },
      { path: 'row 4.authorKind', message: 'x', code: 'too_small', params: { origin: 'number', minimum: 0 } },
      { path: 'row 5.authorKind', message: 'x', code: 'too_big', params: { origin: 'number', maximum: 100 } },
    ]);
    expect(wordImportError(limits, columns, 'zh-CN').errors.map((e) => e.message)).toEqual([
      '必填',
      '至少 2 个字',
      '不能小于 0',
      '不能大于 100',
    ]);
    expect(wordImportError(limits, columns, 'en').errors.map((e) => e.message)).toEqual([
      'Required',
      'At least 2 characters',
      'At least 0',
      'At most 100',
    ]);
  });

  it("words the module's own reasons, which a module may word better than the kernel", () => {
    const own = new AppError('VALIDATION', 'x', [
      { path: 'row 2.townCode', message: 'no town Z', code: 'unknown_town', params: { value: 'Z' } },
      { path: 'row 3.townCode', message: 'other', code: 'something_else' },
      { path: 'row 4.authorKind', message: 'x', code: 'required' },
    ]);
    const reasons = {
      unknown_town: { 'zh-CN': '找不到镇街「{value}」', en: 'No such town: “{value}”' },
      required: { 'zh-CN': '请选择身份', en: 'Choose one' },
    };
    expect(wordImportError(own, columns, 'zh-CN', reasons).errors.map((e) => e.message)).toEqual([
      '找不到镇街「Z」',
      'other',
      '请选择身份',
    ]);
    expect(wordImportError(own, columns, 'en', reasons).message).toContain('Row 2 · Town: No such town: “Z”');
  });

  it('names a missing column by its header in the language', () => {
    const header = new AppError('VALIDATION', 'x', [
      {
        path: 'header.authorKind',
        message: 'missing column',
        code: 'missing_columns',
        params: { column: '身份' },
      },
    ]);
    expect(wordImportError(header, columns, 'en').errors[0]?.message).toBe(
      'The required column “Author kind” is missing',
    );
  });
});

describe('an import template', () => {
  const many: Choice[] = Array.from({ length: 60 }, (_, i) => ({ code: `T${i}`, zh: `第${i}个镇街名称` }));

  async function open(locale: 'zh-CN' | 'en', townList: Choice[]) {
    const bytes = await importTemplate({
      sheet: { columns, choices: { townCode: townList, authorKind: kinds } },
      name: { 'zh-CN': '导入', en: 'Import' },
      locale,
      examples: [{ townCode: townList[0]!.code, authorKind: 'resident' }],
    });
    return loadWorkbook(bytes);
  }

  it('has the headers, names and drop-down lists of the language', async () => {
    const sheet = (await open('zh-CN', towns)).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '所在镇街', '身份']);
    expect(sheet.getRow(2).values).toEqual([undefined, '石会镇', '居民']);
    expect(validationOf(sheet, 'B2')?.formulae).toEqual(['"居民,干部"']);
    const en = (await open('en', towns)).worksheets[0]!;
    expect(en.getRow(1).values).toEqual([undefined, 'Town', 'Author kind']);
    expect(validationOf(en, 'B2')?.formulae).toEqual(['"Resident,Civil servant"']);
  });

  it('offers the names of a choice, never its aliases', async () => {
    const bytes = await importTemplate({
      sheet: { columns: [{ key: 'source', header: '任务来源' }], choices: { source: sources } },
      name: { 'zh-CN': '台账', en: 'Ledger' },
      locale: 'zh-CN',
    });
    expect(validationOf(await sheetOf(bytes), 'A2')?.formulae).toEqual(['"国家级,区级"']);
  });

  it('keeps a list too long for a rule on a hidden sheet', async () => {
    const book = await open('zh-CN', many);
    const [sheet, lists] = book.worksheets;
    expect(lists?.state).toBe('hidden');
    expect(validationOf(sheet!, 'A2')?.formulae?.[0]).toBe(`'${lists!.name}'!$A$2:$A$61`);
    expect(lists!.getCell('A61').value).toBe('第59个镇街名称');
  });
});
