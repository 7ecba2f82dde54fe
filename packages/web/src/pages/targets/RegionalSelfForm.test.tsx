import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { RegionalPage } from './RegionalPage';
import type { RegionalReport } from './shared';

const report = {
  year: 2020,
  method: 'entropy',
  metrics: [
    { code: 'Gdpct01', name: '地区生产总值', nameEn: 'GDP', measure: '亿元', direction: 1 },
    { code: 'Gdpct02', name: '第一产业占比', nameEn: 'Primary', measure: '%', direction: -1 },
  ],
  weights: [],
  consistency: null,
  rows: [],
  excluded: [],
  gaps: [],
  trends: [
    { metric: 'Gdpct01', series: [{ regionName: '黔江区', isSelf: true, points: [[2020, 253]] }] },
    { metric: 'Gdpct02', series: [{ regionName: '黔江区', isSelf: true, points: [[2020, 10]] }] },
  ],
  demoRegions: ['黔江区'],
  selfGenerated: ['Gdpct01', 'Gdpct02'],
  sources: [],
} as unknown as RegionalReport;

function renderForm(abilities: string[], answer: () => Response, body: RegionalReport = report) {
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'office', displayName: '区委办', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities: abilities.map((action) => ({ action, scopes: ['*'] })),
      });
    if (path === '/api/v1/targets/regional/report') return json(body);
    if (path === '/api/v1/targets/regional/self-values' && request.method === 'PUT') {
      sent.push(await request.json());
      return answer();
    }
    return notFound();
  };
  renderRoute('/targets/regional', RegionalPage, fetch);
  return sent;
}

describe('the district’s own statistics on the regional page', () => {
  it('lets the office type the year’s values and sends every indicator compared', async () => {
    const sent = renderForm(['regional.write'], () => json({ year: 2020, values: 2 }));
    const gdp = await screen.findByRole('spinbutton', { name: '地区生产总值（亿元）' });
    expect((gdp as HTMLInputElement).value).toBe('253');
    fireEvent.change(gdp, { target: { value: '245.6' } });
    fireEvent.click(screen.getByRole('button', { name: '保存录入的数据' }));
    await vi.waitFor(() =>
      expect(sent).toEqual([
        {
          year: 2020,
          values: [
            { metric: 'Gdpct01', value: 245.6 },
            { metric: 'Gdpct02', value: 10 },
          ],
        },
      ]),
    );
  });

  it('shows the server’s refusal', async () => {
    renderForm(['regional.write'], () =>
      validationProblem([
        { path: 'values.1.value', message: 'a share is between 0 and 100', code: 'share_range' },
      ]),
    );
    fireEvent.click(await screen.findByRole('button', { name: '保存录入的数据' }));
    expect(await screen.findByText(/第一产业占比（%）：占比须在 0 到 100 之间/)).toBeTruthy();
  });

  it('says when the sector shares together pass 100 %, with their sum', async () => {
    renderForm(['regional.write'], () =>
      validationProblem([
        {
          path: 'values',
          message: 'the sector shares add up to more than 100',
          code: 'sector_shares_over_100',
          params: { sum: 180 },
        },
      ]),
    );
    fireEvent.click(await screen.findByRole('button', { name: '保存录入的数据' }));
    expect(await screen.findByText(/第一、第二、第三产业占比合计 180%，不能超过 100%/)).toBeTruthy();
  });

  it('is not offered to staff who may not write regional data', async () => {
    renderForm([], () => notFound());
    await screen.findByTestId('provenance-legend');
    expect(screen.queryByRole('button', { name: '保存录入的数据' })).toBeNull();
  });

  it('at county level names the counties left out for want of values and lets the office enter one', async () => {
    const county = {
      ...report,
      level: 'county',
      excluded: [{ regionId: id(5), regionName: '酉阳土家族苗族自治县', missing: ['Gdpct01', 'Gdpct02'] }],
    } as unknown as RegionalReport;
    const sent = renderForm(['regional.write'], () => json({ year: 2020, values: 2 }), county);
    expect((await screen.findByTestId('excluded')).textContent).toContain('酉阳土家族苗族自治县');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '录入哪个地区的数据' }));
    fireEvent.click(await screen.findByTitle('酉阳土家族苗族自治县'));
    fireEvent.change(screen.getByRole('spinbutton', { name: '地区生产总值（亿元）' }), {
      target: { value: '188.2' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: '第一产业占比（%）' }), {
      target: { value: '17.4' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存录入的数据' }));
    await vi.waitFor(() =>
      expect(sent).toEqual([
        {
          year: 2020,
          regionId: id(5),
          values: [
            { metric: 'Gdpct01', value: 188.2 },
            { metric: 'Gdpct02', value: 17.4 },
          ],
        },
      ]),
    );
  });

  it('names each field by a label of its own', async () => {
    renderForm(['regional.write'], () => json({ year: 2020, values: 2 }));
    const gdp = (await screen.findByRole('spinbutton', { name: '地区生产总值（亿元）' })) as HTMLInputElement;
    expect([...(gdp.labels ?? [])].map((l) => l.textContent)).toEqual(['地区生产总值（亿元）']);
  });

  it('holds a share to 0–100 and another figure to the server’s bounds, as it leaves the field', async () => {
    const sent = renderForm(['regional.write'], () => json({ year: 2020, values: 2 }));
    const gdp = (await screen.findByRole('spinbutton', { name: '地区生产总值（亿元）' })) as HTMLInputElement;
    const share = screen.getByRole('spinbutton', { name: '第一产业占比（%）' }) as HTMLInputElement;
    expect([share.getAttribute('aria-valuemin'), share.getAttribute('aria-valuemax')]).toEqual(['0', '100']);
    fireEvent.change(share, { target: { value: '120' } });
    fireEvent.blur(share);
    fireEvent.change(gdp, { target: { value: '2000000000' } });
    fireEvent.blur(gdp);
    expect(share.value).toBe('100');
    expect(gdp.value).toBe('1000000000');
    fireEvent.click(screen.getByRole('button', { name: '保存录入的数据' }));
    await vi.waitFor(() =>
      expect(sent).toEqual([
        {
          year: 2020,
          values: [
            { metric: 'Gdpct01', value: 1e9 },
            { metric: 'Gdpct02', value: 100 },
          ],
        },
      ]),
    );
  });
});
