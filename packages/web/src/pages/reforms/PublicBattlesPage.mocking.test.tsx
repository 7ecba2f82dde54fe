import '../../i18n';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { changeLocale, i18next, loadTexts } from '../../i18n';
import { id, json, notFound, renderRoute } from '../../test-support';
import { rowLabel, timelineOption } from './battleTimeline';
import { PublicBattlesPage } from './PublicBattlesPage';
import type { PublicReformBattles } from './shared';

// jsdom draws no canvas: the chart is replaced by its label, and the option it was given is kept.
const drawn: Array<Record<string, unknown>> = [];
vi.mock('../../components/Chart', () => ({
  Chart: ({ ariaLabel, option }: { ariaLabel?: string; option: Record<string, unknown> }) => {
    drawn.push(option);
    return <div role="img" aria-label={ariaLabel} />;
  },
}));

const data: PublicReformBattles = {
  plan: {
    startDate: '2024-01-01',
    steps: [
      { step: 'rise', start: '2024-01-01', end: '2024-12-31' },
      { step: 'momentum', start: '2025-01-01', end: '2026-12-31' },
      { step: 'victory', start: '2027-01-01', end: '2028-12-31' },
    ],
  },
  battles: [
    {
      id: id(1),
      name: '高铁站站前广场建设攻坚战',
      goal: '建成站前广场及交通换乘中心',
      leadUnitId: id(11),
      leadUnit: '区住房城乡建委',
      step: 'rise',
      sort: 1,
      progress: 0.625,
      phases: [
        {
          name: '征地拆迁',
          startDate: '2024-01-01',
          endDate: '2024-06-30',
          target: '完成征地420亩',
          progress: 1,
        },
        {
          name: '主体施工',
          startDate: '2024-07-01',
          endDate: '2025-06-30',
          target: '主体封顶',
          progress: 0.5,
        },
      ],
      projects: [
        {
          id: id(21),
          code: 'QJGG-B001',
          name: '渝湘高铁黔江枢纽经济改革',
          progress: 0.5,
          status: 'on_track',
        },
      ],
      suggestions: [{ id: id(31), title: '高铁站增设公交接驳线路', supports: 12 }],
    },
    {
      id: id(2),
      name: '新城区建设攻坚战',
      goal: '',
      leadUnitId: id(12),
      leadUnit: '区规划自然资源局',
      step: 'momentum',
      sort: 2,
      progress: 0.2,
      phases: [
        {
          name: '控规编制',
          startDate: '2024-01-01',
          endDate: '2024-09-30',
          target: '控规获批',
          progress: 0.2,
        },
        {
          name: '路网建设',
          startDate: '2024-10-01',
          endDate: '2026-06-30',
          target: '主干道12公里',
          progress: 0,
        },
        { name: '配套设施', startDate: '2025-03-01', endDate: '2027-06-30', target: '学校2所', progress: 0 },
      ],
      projects: [],
      suggestions: [],
    },
  ],
};

function renderPage() {
  drawn.length = 0;
  renderRoute('/reforms/battles', PublicBattlesPage, async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/public/reforms/battles') return json(data);
    return notFound();
  });
}

describe('public key battles page', () => {
  it('draws the three steps as bands and every phase as a bar with its progress', async () => {
    renderPage();
    expect(await screen.findByRole('img', { name: /十大攻坚战时间轴/ })).toBeTruthy();
    const option = drawn.at(-1)! as {
      yAxis: { data: string[] };
      series: Array<{ data: unknown[][]; markArea: { data: Array<[{ name: string }, unknown]> } }>;
    };
    // A phone's narrow labels (jsdom has no wide screen): the names shortened, the progress kept.
    expect(option.yAxis.data).toEqual(['高铁站站前… 63%', '新城区建设… 20%']);
    const [series] = option.series;
    expect(series!.markArea.data.map(([from]) => from.name)).toEqual(['一年起势', '三年成势', '五年胜势']);
    // Five phases: row, start, end (the day after the last), progress, name.
    expect(series!.data).toHaveLength(5);
    expect(series!.data[1]).toEqual([
      0,
      Date.parse('2024-07-01T00:00:00Z'),
      Date.parse('2025-07-01T00:00:00Z'),
      0.5,
      '主体施工',
    ]);
    expect(screen.getAllByTestId('reform-step').map((s) => s.textContent)).toEqual([
      '一年起势 2024-01-01 至 2024-12-31',
      '三年成势 2025-01-01 至 2026-12-31',
      '五年胜势 2027-01-01 至 2028-12-31',
    ]);
  });

  it('gives the same as text: each battle’s step, lead unit, progress, phases, projects and suggestions', async () => {
    renderPage();
    const cards = await screen.findAllByTestId('reform-battle');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByText('一年起势')).toBeTruthy();
    expect(cards[0]!.textContent).toContain('牵头单位：区住房城乡建委');
    expect(first.getByRole('progressbar', { name: '高铁站站前广场建设攻坚战的进度' })).toBeTruthy();
    const rows = first.getAllByRole('row');
    // A header row and one per phase.
    expect(rows).toHaveLength(3);
    expect(rows[2]!.textContent).toContain('主体施工');
    expect(rows[2]!.textContent).toContain('2024-07-01 至 2025-06-30');
    expect(rows[2]!.textContent).toContain('50%');
    expect(first.getByRole('link', { name: '渝湘高铁黔江枢纽经济改革' }).getAttribute('href')).toBe(
      `/reforms/${id(21)}`,
    );
    expect(first.getByRole('link', { name: '高铁站增设公交接驳线路' }).getAttribute('href')).toBe(
      `/ideas/${id(31)}`,
    );
    expect(within(cards[1]!).getAllByRole('row')).toHaveLength(4);
  });

  it('labels the lead unit with the punctuation of the reader’s language', async () => {
    await changeLocale('en');
    try {
      renderPage();
      const cards = await screen.findAllByTestId('reform-battle');
      expect(cards[0]!.textContent).toContain('Lead unit: 区住房城乡建委');
      expect(cards[0]!.textContent).not.toContain('：');
    } finally {
      await changeLocale('zh-CN');
    }
  });

  it('keeps a long battle’s progress in its row label, shortening the name instead', () => {
    const long = '濯水古镇创建国家5A级旅游景区与全域旅游示范区攻坚战';
    const label = rowLabel(long, 62, 190, 12);
    expect(label.endsWith(' 62%')).toBe(true);
    expect(label).toContain('…');
    expect(label.startsWith('濯水古镇')).toBe(true);
    expect(rowLabel('营商环境攻坚战', 40, 190, 12)).toBe('营商环境攻坚战 40%');
    // Within the width ECharts is given, so its own truncation never cuts the percentage.
    const estimate = [...label].reduce((w, ch) => w + (/[\u2e80-\u9fff]/.test(ch) ? 12 : 7.2), 0);
    expect(estimate).toBeLessThanOrEqual(190);
  });

  it('names the steps briefly above a phone’s narrow chart, where the English names ran into each other', async () => {
    await loadTexts(['reforms']);
    await changeLocale('en');
    try {
      const names = (narrow: boolean) =>
        (
          timelineOption(data, i18next.t, { narrow, today: '2026-12-05' }) as {
            series: Array<{ markArea: { data: Array<[{ name: string }, unknown]> } }>;
          }
        ).series[0]!.markArea.data.map(([from]) => from.name);
      expect(names(true)).toEqual(['By year 1', 'By year 3', 'By year 5']);
      expect(names(false)).toEqual([
        'By year 1: gaining momentum',
        'By year 3: taking shape',
        'By year 5: winning through',
      ]);
    } finally {
      await changeLocale('zh-CN');
    }
  });
});
