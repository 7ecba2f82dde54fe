import { expect } from 'vitest';

/**
 * Queries for page tests that stand for `getByRole('dialog')` and `getByRole('button', { name })`
 * without their cost: a role query asks jsdom for the computed style of every candidate and of its
 * ancestors, and jsdom matches each of antd's two thousand rules again after every change to the
 * page, which made a test with a dialog take ten seconds and more. An element counts as shown
 * unless it is inside a part of the page closed the ways antd closes one (a `hidden` or
 * `aria-hidden` subtree, an inline `display: none`, an inactive tab).
 */
const closed = '[hidden], [aria-hidden="true"], [style*="display: none"], .ant-tabs-tabpane-hidden';

const shown = (element: Element) => element.closest(closed) === null;

/** A button's name as a reader hears it: its aria-label (an icon's), else its text, spaces collapsed. */
const nameOf = (button: Element) =>
  (button.getAttribute('aria-label') ?? button.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The shown buttons in `container` named `name` (the whole name, or a pattern). */
export function buttonsNamed(container: ParentNode, name: string | RegExp): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter((b) => {
    const said = nameOf(b);
    return shown(b) && (typeof name === 'string' ? said === name : name.test(said));
  });
}

/** The one shown button in `container` named `name`; fails when there is none or more than one. */
export function buttonNamed(container: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = buttonsNamed(container, name);
  expect(found, `one button named ${String(name)}`).toHaveLength(1);
  return found[0] as HTMLButtonElement;
}

/** The open dialogs, named `name` when it is given (by the title their aria-labelledby points at). */
export function openDialogs(name?: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter((d) => {
    if (!shown(d)) return false;
    if (name === undefined) return true;
    const titles = (d.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    const said = titles.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    return said.replace(/\s+/g, ' ').trim() === name;
  });
}

/** The one open dialog (named `name` when given); fails when there is none or more than one. */
export function openDialog(name?: string): HTMLElement {
  const open = openDialogs(name);
  expect(open, `one open dialog${name ? ` named ${name}` : ''}`).toHaveLength(1);
  return open[0] as HTMLElement;
}
