import type { Page } from 'playwright-core';

export interface FocusStop {
  /** The focused element's id, or its tag and text when it has none. */
  name: string;
  /** What draws the focus indicator: an outline or a ring (box-shadow); empty when nothing does. */
  indicator: string;
}

/**
 * Where the keyboard focus is and how it shows. antd's fields draw their ring on the wrapper
 * around the real <input> (affix wrapper, select, number input), and its radios and checkboxes on
 * the segment or box drawn for the hidden input, so those are measured for them; everything else
 * must show an outline or ring itself. An indicator counts when it is at
 * least 2 px wide and not transparent.
 */
export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', indicator: '' };
    const name = el.id || `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    // A radio or checkbox input is invisible in antd: the segment or box drawn for it shows the focus.
    const choice = el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
    const drawn = choice
      ? ((el.closest('.ant-segmented-item') ?? el.nextElementSibling) as HTMLElement | null)
      : (el.closest('.ant-input-affix-wrapper, .ant-select, .ant-input-number') as HTMLElement | null);
    const target = drawn ?? el;
    const style = getComputedStyle(target);
    const visibleColour = (c: string) => !/rgba\([^)]*,\s*0\)|transparent/.test(c);
    const outlineWidth = Number.parseFloat(style.outlineWidth);
    if (style.outlineStyle !== 'none' && outlineWidth >= 2 && visibleColour(style.outlineColor)) {
      return { name, indicator: `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` };
    }
    // Rings are box-shadows whose spread (the fourth length) is at least 2 px.
    const ring = style.boxShadow.split(/,(?![^(]*\))/).find((shadow) => {
      const lengths = shadow.match(/-?\d+(\.\d+)?px/g) ?? [];
      const colour = shadow.match(/rgba?\([^)]*\)|#[0-9a-f]+/i)?.[0] ?? '';
      return lengths.length >= 4 && Number.parseFloat(lengths[3]!) >= 2 && visibleColour(colour);
    });
    return { name, indicator: ring ? `ring ${ring.trim()}` : '' };
  });
}

/**
 * Presses Tab until the element with `id` has the focus, and returns every stop on the way with
 * how its focus showed. Fails when the element is not reached within `limit` presses.
 */
export async function tabTo(page: Page, id: string, limit = 25): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    stops.push(stop);
    if (stop.name === id) return stops;
  }
  throw new Error(
    `#${id} not reached in ${limit} presses of Tab; focus went: ${stops.map((s) => s.name).join(' → ')}`,
  );
}
