import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegionalCsv } from '../commands/importRegional.js';

// The seed's regional fixture is read as the import by hand reads a file: a region's year given
// on two rows refuses it, naming both rows, instead of writing the later over the earlier.
const header = 'Sgnyea,Ctnm_id,name_zh,Gdpct01';
const csv = (...rows: string[]) => [header, ...rows].join('\n');

describe('the seed’s regional CSV', () => {
  it('reads one row per region and year', async () => {
    const parsed = await parseRegionalCsv(
      csv('2019,420500.0,宜昌市,4460.82', '2020,420500.0,宜昌市,4261.42'),
    );
    expect(parsed.values.map((v) => `${v.regionCode} ${v.year} ${v.value}`)).toEqual([
      'CN420500 2019 4460.82',
      'CN420500 2020 4261.42',
    ]);
  });

  it('reads the fixture the demo seed ships, which repeats no region’s year', async () => {
    const fixture = new URL(
      '../../../../../../test/fixtures/regional/prefecture_gdp_wuling_2000_2020.csv',
      import.meta.url,
    );
    const parsed = await parseRegionalCsv(readFileSync(fixture, 'utf8'));
    expect(parsed.regions.length).toBeGreaterThan(0);
  });

  it('refuses a region’s year given twice, even written two ways, naming the rows', async () => {
    const refused = parseRegionalCsv(
      csv('2020,420500.0,宜昌市,4261.42', '2019,420500.0,宜昌市,4460.82', '2020.0,420500,宜昌市,4300'),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Row 4 · Sgnyea: Repeats row 2'),
      errors: [
        { path: 'row 4.Sgnyea', code: 'duplicate_of_row', params: expect.objectContaining({ row: 2 }) },
      ],
    });
  });
});
