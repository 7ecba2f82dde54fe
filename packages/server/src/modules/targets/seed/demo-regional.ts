/**
 * The district's own yearly series for the comparison report, generated (demo): GDP grows
 * about 13% a year to 2012 and 8% after, 4% in 2020, ending near 250 亿元; the primary share
 * falls from 22% to 10%. Shaped like a small Wuling district, not its official statistics.
 */
export function demoDistrictSeries(): Array<{
  regionCode: string;
  year: number;
  metric: string;
  value: number;
}> {
  const out: Array<{ regionCode: string; year: number; metric: string; value: number }> = [];
  let gdp = 253;
  const byYear = new Map<number, number>();
  for (let year = 2020; year >= 2000; year--) {
    byYear.set(year, gdp);
    const growth = year === 2020 ? 0.04 : year > 2012 ? 0.08 : 0.13;
    gdp /= 1 + growth;
  }
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  for (let year = 2000; year <= 2020; year++) {
    const t = (year - 2000) / 20;
    const value = byYear.get(year)!;
    const primary = 22 - 12 * t;
    const secondary = 40 + 6 * Math.sin(Math.PI * t) - 4 * t;
    const population = 45 + 4 * t;
    const previous = byYear.get(year - 1);
    const rows: Array<[string, number]> = [
      ['Gdpct01', round(value)],
      ['Gdpct02', round(primary)],
      ['Gdpct03', round(secondary)],
      ['Gdpct04', round(100 - primary - secondary)],
      ['GDP_PerCapita', Math.round((value * 1e8) / (population * 1e4))],
    ];
    // Real GDP at 2010 prices, deflating by 2% a year (the order of the source's rel_cpi_2010).
    const real = value / 1.02 ** (year - 2010);
    rows.push(['city_rgdp', round(real)], ['city_rgdppc', Math.round((real * 1e8) / (population * 1e4))]);
    rows.push(
      ['GDP_PrimInd', round((value * primary) / 100)],
      ['GDP_SecInd', round((value * secondary) / 100)],
      ['GDP_TerInd', round((value * (100 - primary - secondary)) / 100)],
    );
    if (previous) rows.push(['GDPYoY', round(((value - previous) / previous) * 100 - 2, 1)]);
    for (const [metric, v] of rows) out.push({ regionCode: 'QJ', year, metric, value: v });
  }
  return out;
}
