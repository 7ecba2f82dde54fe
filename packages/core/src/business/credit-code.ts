/**
 * The unified social credit code of legal entities and other organisations (统一社会信用代码),
 * GB 32100-2015: 18 characters, each a digit or a capital letter other than I, O, Z, S and V.
 *
 *   1      registration authority (登记管理部门代码)
 *   2      organisation category under that authority (机构类别代码)
 *   3–8    administrative division of the registering office (GB/T 2260)
 *   9–17   subject identifier: the organisation code (GB 11714)
 *   18     check character, ISO 7064 hybrid style modulo 31 (GB/T 17710)
 *
 * Browser-safe: the web form checks a code as it is typed with the same functions.
 */

/** The 31 characters of the code, in the order of their values 0–30. */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The weight of positions 1–17: 3^(i−1) mod 31. */
export const creditCodeWeights: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/**
 * The registration authorities and the organisation categories each assigns. GB 32100-2015
 * table 1 lists 1, 5, 9 and Y; the other authorities were added since by the national code
 * centre (全国组织机构统一社会信用代码数据服务中心) and appear on codes issued today.
 */
export const creditCodeAuthorities: Readonly<
  Record<string, { name: string; categories: readonly string[] }>
> = {
  '1': { name: '机构编制', categories: ['1', '2', '3', '9'] },
  '2': { name: '外交', categories: ['1', '9'] },
  '3': { name: '司法行政', categories: ['1', '2', '3', '4', '5', '9'] },
  '4': { name: '文化', categories: ['1', '9'] },
  '5': { name: '民政', categories: ['1', '2', '3', '9'] },
  '6': { name: '旅游', categories: ['1', '2', '9'] },
  '7': { name: '宗教', categories: ['1', '2', '9'] },
  '8': { name: '工会', categories: ['1', '9'] },
  '9': { name: '工商', categories: ['1', '2', '3'] },
  A: { name: '中央军委改革和编制办公室', categories: ['1', '9'] },
  N: { name: '农业', categories: ['1', '2', '3', '9'] },
  Y: { name: '其他', categories: ['1'] },
};

/**
 * The first two digits of a GB/T 2260 division code: the provinces, autonomous regions,
 * municipalities and special administrative regions, and 10 for registration at national level
 * (100000).
 */
const provincePrefixes = new Set([
  '10',
  ...['11', '12', '13', '14', '15', '21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65', '71', '81', '82'],
]);

/** Why a code is not a unified social credit code; the first problem found, in position order. */
export type CreditCodeProblem = 'length' | 'character' | 'authority' | 'category' | 'division' | 'check';

export interface CreditCodeFault {
  problem: CreditCodeProblem;
  /** The position (1–18) at fault, where one is. */
  position?: number;
}

const characterValue = (c: string) => creditCodeAlphabet.indexOf(c);

/**
 * A code as people type or paste it: surrounding and inner spaces dropped, full-width letters and
 * digits (a Chinese input method gives either) made ASCII, letters made capitals.
 */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200B\uFEFF]+/g, '')
    .toUpperCase();
}

/** The check character of the first 17 characters (which must come from the alphabet). */
export function creditCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('the check character needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = characterValue(first17[i]!);
    if (v < 0) throw new RangeError(`not a character of the code: ${first17[i]}`);
    sum += v * creditCodeWeights[i]!;
  }
  return creditCodeAlphabet[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a code (already normalised), or null when it is a valid code. */
export function creditCodeFault(code: string): CreditCodeFault | null {
  if (code.length !== 18) return { problem: 'length' };
  for (let i = 0; i < 18; i++)
    if (characterValue(code[i]!) < 0) return { problem: 'character', position: i + 1 };
  const authority = creditCodeAuthorities[code[0]!];
  if (!authority) return { problem: 'authority', position: 1 };
  if (!authority.categories.includes(code[1]!)) return { problem: 'category', position: 2 };
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !provincePrefixes.has(division.slice(0, 2)))
    return { problem: 'division', position: 3 };
  if (creditCheckCharacter(code.slice(0, 17)) !== code[17]) return { problem: 'check', position: 18 };
  return null;
}

export const isCreditCode = (code: string): boolean => creditCodeFault(code) === null;

/** The 18-character code of these 17 characters, their check character appended. */
export const withCheckCharacter = (first17: string): string => first17 + creditCheckCharacter(first17);
