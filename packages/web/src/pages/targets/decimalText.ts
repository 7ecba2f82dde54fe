/**
 * Reads a figure as typed, where a comma may be a decimal comma (12,5) or a thousands separator
 * (12,500). antd's number input drops every comma, so 12,5 became 125: ten times the figure.
 * Here a comma is read only where it cannot be the other: 12,5 / 0,125 / 1234,5 are decimals
 * (no thousands group has one or two digits, or follows a 0 or four digits); 1,234,567 and
 * 1,234.5 are thousands; a lone 1,234 could be either and is refused, naming both readings.
 * Full-width digits and punctuation of a Chinese input method (１２，５ 。) count as their ASCII twins.
 */
export type DecimalRead =
  | { kind: 'empty' }
  | { kind: 'partial' }
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; thousands: string; decimal: string }
  | { kind: 'invalid' };

export function readDecimal(raw: string): DecimalRead {
  const s = raw
    .normalize('NFKC')
    .replace(/[。．]/g, '.')
    .replace(/[−–]/g, '-')
    .replace(/[\s']/g, '');
  if (!s) return { kind: 'empty' };
  // Still being typed: a sign alone, or a figure ending in its separator.
  if (/^[-+]?$/.test(s) || /^[-+]?\d+[,.]$/.test(s)) return { kind: 'partial' };
  if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { kind: 'number', value: Number(s) };
  const m = /^([-+]?)(\d+)((?:,\d+)+)(\.\d+)?$/.exec(s);
  if (!m) return { kind: 'invalid' };
  const [, sign = '', lead = '', rest = '', fraction = ''] = m;
  const groups = rest.split(',').slice(1);
  const grouped = lead.length <= 3 && !/^0/.test(lead) && groups.every((g) => g.length === 3);
  if (groups.length === 1 && !fraction) {
    const decimal = `${sign}${lead}.${groups[0]}`;
    if (!grouped) return { kind: 'number', value: Number(decimal) };
    return { kind: 'ambiguous', thousands: `${sign}${lead}${groups[0]}`, decimal };
  }
  if (grouped) return { kind: 'number', value: Number(`${sign}${lead}${groups.join('')}${fraction}`) };
  return { kind: 'invalid' };
}
