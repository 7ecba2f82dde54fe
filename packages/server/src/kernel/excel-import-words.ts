import { AppError, type FieldError } from '../errors.js';
import { columnHeader, type ImportColumn, type ImportLocale } from './excel-import-header.js';

type Words = Record<ImportLocale, string>;

/** A module's own reason codes in each language, worded as the ones below are. */
export type ImportReasons = Readonly<Record<string, Readonly<Words>>>;

/**
 * The reasons an import's row report gives, in each language, as the problem titles are
 * (errors.ts); `{name}` is filled from the problem's params. A reason neither listed here nor
 * among the module's own (`ImportSheet.reasons`) keeps the module's English message.
 */
const reasons: Record<string, Words> = {
  unknown_choice: { 'zh-CN': '找不到「{value}」', en: 'No such value: “{value}”' },
  ambiguous_choice: {
    'zh-CN': '有多个「{value}」，请填写代码',
    en: 'Several values are named “{value}”; give the code',
  },
  required: { 'zh-CN': '必填', en: 'Required' },
  too_small: { 'zh-CN': '至少 {minimum} 个字', en: 'At least {minimum} characters' },
  too_big: { 'zh-CN': '最多 {maximum} 个字', en: 'At most {maximum} characters' },
  too_small_number: { 'zh-CN': '不能小于 {minimum}', en: 'At least {minimum}' },
  too_big_number: { 'zh-CN': '不能大于 {maximum}', en: 'At most {maximum}' },
  invalid_value: { 'zh-CN': '不在可选范围内', en: 'Not one of the allowed values' },
  invalid_format: { 'zh-CN': '格式不对', en: 'Wrong format' },
  invalid_type: { 'zh-CN': '类型不对', en: 'Wrong type' },
  invalid_characters: {
    'zh-CN': '含有无法保存的字符，请删除后重试',
    en: 'Holds characters that cannot be stored; remove them and retry',
  },
  outside_scope: { 'zh-CN': '不在您负责的范围内', en: 'Outside the units you are responsible for' },
  not_a_number: { 'zh-CN': '不是数字', en: 'Not a number' },
  duplicate: { 'zh-CN': '与前面的重复', en: 'Repeats an earlier row' },
  duplicate_of_row: { 'zh-CN': '与第 {row} 行重复', en: 'Repeats row {row}' },
  missing_columns: { 'zh-CN': '缺少必需的列“{column}”', en: 'The required column “{column}” is missing' },
  duplicate_column: { 'zh-CN': '这一列出现了两次', en: 'This column appears twice' },
  unknown_column: { 'zh-CN': '不是本导入的列', en: 'Not a column of this import' },
};

const frame = {
  line: { 'zh-CN': '第 {row} 行 · {column}：{message}', en: 'Row {row} · {column}: {message}' },
  rowLine: { 'zh-CN': '第 {row} 行：{message}', en: 'Row {row}: {message}' },
  headerLine: { 'zh-CN': '{column}：{message}', en: '{column}: {message}' },
  summary: {
    'zh-CN': '文件中有 {count} 处问题，未导入任何数据：{lines}',
    en: '{count} problem(s) in the file; nothing was imported: {lines}',
  },
  header: { 'zh-CN': '表头有误：{lines}', en: 'The header row is wrong: {lines}' },
} satisfies Record<string, Words>;

/**
 * The reason's words by what the limit was on: a cell left empty is a string "at least 1
 * character" to the schema, and says "required" to the reader; a number's limit is no count of
 * characters.
 */
function reasonOf(code: string, params: Record<string, string | number>): string {
  if (code === 'too_small' && params.origin === 'string' && Number(params.minimum) === 1) return 'required';
  if ((code === 'too_small' || code === 'too_big') && params.origin === 'number') return `${code}_number`;
  return code;
}

const fill = (text: string, params: Record<string, string | number | undefined>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));

/** How many lines of the report the problem's detail repeats (the errors list has them all). */
const detailLines = 10;

/**
 * An import's problems in the reader's language: each names its column by the header of that
 * language (`params.column`), its message is worded there, and the problem's detail lists the
 * first lines as "第 5 行 · 所在镇街：找不到「石会镇1」". Paths and codes stay as they were, so a
 * program reading the report is unaffected by the language.
 */
export function wordImportError(
  error: AppError,
  columns: readonly ImportColumn[],
  locale: ImportLocale,
  own: ImportReasons = {},
) {
  if (error.code !== 'VALIDATION' || !error.errors.some((e) => /^(row \d+|header\.)/.test(e.path)))
    return error;
  const lines: string[] = [];
  const errors = error.errors.map((e): FieldError => {
    const at = /^(?:row (\d+)\.?|header\.)(.*)$/.exec(e.path);
    if (!at) return e;
    const [, row, key] = at;
    const column = columns.find((c) => c.key === key);
    const params: Record<string, string | number> = { ...e.params };
    if (column) params.column = columnHeader(column, locale);
    else if (e.code === 'unknown_column' && key) params.column = key;
    const reason = e.code ? (own[e.code] ?? reasons[reasonOf(e.code, params)]) : undefined;
    const message = reason ? fill(reason[locale], params) : e.message;
    if (lines.length < detailLines) {
      const place = { row, column: params.column, message };
      const shape = row === undefined ? 'headerLine' : params.column ? 'line' : 'rowLine';
      lines.push(fill(frame[shape][locale], place));
    }
    return { ...e, message, ...(Object.keys(params).length ? { params } : {}) };
  });
  const fromRows = errors.some((e) => e.path.startsWith('row '));
  const joined = lines.join(locale === 'en' ? '; ' : '；') + (errors.length > detailLines ? '…' : '');
  const detail = fromRows
    ? fill(frame.summary[locale], { count: errors.length, lines: joined })
    : fill(frame.header[locale], { lines: joined });
  return new AppError('VALIDATION', detail, errors);
}
