import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Tx } from '../../../db/transaction.js';
import { targetRegions } from '../schema.js';

const gazetteer = fileURLToPath(
  new URL(
    '../../../../../../test/fixtures/regional/county_gazetteer_wuling_and_chongqing.csv',
    import.meta.url,
  ),
);

/**
 * The county-level peers: the Wuling Mountain counties and Chongqing's districts and counties from
 * the gazetteer (names and codes only, so they start without values). Outside Chongqing a county
 * is named with its prefecture, as names such as 碧江区 are not unique.
 */
export async function seedCounties(tx: Tx) {
  if (!existsSync(gazetteer)) return;
  const [, ...lines] = readFileSync(gazetteer, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const rows = lines
    .map((line) => line.split(','))
    .filter(([, , , , , code]) => code && code !== '500114')
    .map(([province, , city, , county, code], i) => ({
      code: `CN${code}`,
      name: province === '重庆市' ? county! : `${city}${county}`,
      kind: 'county' as const,
      sort: 300 + i,
      isDemo: false,
    }));
  if (rows.length)
    await tx.insert(targetRegions).values(rows).onConflictDoNothing({ target: targetRegions.code });
}
