import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules, the level China's GB/T 37668-2019 asks of public web sites. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core inside the page against the WCAG 2.1 AA rules and returns what it found, each
 * violation with the elements that fail it. axe's source is injected once per document.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the driver rather than added as a <script>: the app's Content Security
  // Policy (script-src 'self') rightly refuses inline scripts.
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
        html: n.html,
        failureSummary: n.failureSummary ?? '',
      })),
    }));
  }, wcagTags);
}

/** The number of failing elements over all violations, the figure the issue reports per page. */
export const nodeCount = (violations: AxeViolation[]) => violations.reduce((n, v) => n + v.nodes.length, 0);

/** A list a person can act on: each rule, what it asks, and the selectors of the elements failing it. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `    ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary.replace(/\n/g, ' ')}`,
      );
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} [${v.nodes.length}]\n${nodes.join('\n')}`;
    })
    .join('\n');
}

/**
 * antd elements rendered outside the site's theme: antd marks a component with no ConfigProvider
 * above it `css-var-root`, one inside with that provider's own `css-var-…`. The theme (its
 * contrast-checked colours and focus ring) is not in the app's providers but in AntdScope, which
 * each part that uses antd brings, so a part that forgot it would show antd's default colours.
 */
export function unthemedAntd(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.css-var-root')).map((e) => e.outerHTML.slice(0, 160)),
  );
}

/**
 * Fails with the readable list when axe finds any WCAG 2.1 AA violation on the page as it is now,
 * or when an antd element is outside the site's theme (whose colours are what passes contrast).
 */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const unthemed = await unthemedAntd(page);
  if (unthemed.length > 0)
    throw new Error(
      `${label}: ${unthemed.length} antd element(s) outside the site's theme\n  ${unthemed.join('\n  ')}`,
    );
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  throw new Error(
    `${label}: ${violations.length} accessibility rule(s) violated on ${nodeCount(violations)} element(s)\n${describeViolations(violations)}`,
  );
}
