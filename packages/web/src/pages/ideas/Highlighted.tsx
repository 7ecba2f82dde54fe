import type { ReactNode } from 'react';

export interface TextRange {
  start: number;
  end: number;
}

/** How much of the body comes before its first found word in an excerpt (in characters). */
const LEAD = 24;

/**
 * The text's own colour (the theme's colorText), not a paragraph's grey, on the theme's
 * colorWarningBorder keeps the marked words readable (WCAG AA). Written out rather than read from
 * antd's tokens, so the pages that show marks need none of antd.
 */
const markStyle = { color: 'rgba(0, 0, 0, 0.88)', background: '#ffd591', padding: 0 };

/**
 * The text with the found words in <mark>: split into React children, never parsed as HTML, so
 * nothing a citizen typed can become markup. Ranges out of order, overlapping or past the end are
 * taken as far as they make sense.
 */
export function Highlighted({ text, ranges = [] }: { text: string; ranges?: readonly TextRange[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} style={markStyle}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * A body's excerpt that shows its first found word: when the word stands far into the text, the
 * excerpt starts a little before it, after an ellipsis, with the ranges moved along.
 */
export function excerpt(
  text: string,
  ranges: readonly TextRange[] = [],
): { text: string; ranges: TextRange[] } {
  const first = ranges.reduce((m, r) => Math.min(m, r.start), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(first) || first <= LEAD * 2) return { text, ranges: [...ranges] };
  const from = first - LEAD;
  return {
    text: `…${text.slice(from)}`,
    ranges: ranges
      .filter((r) => r.end > from)
      .map((r) => ({ start: r.start - from + 1, end: r.end - from + 1 })),
  };
}
