import type { TFunction } from 'i18next';
import type { ChartProps } from '../../components/Chart';
import { period } from '../../components/phrases';
import type { PublicReformBattles } from './shared';

/** The steps' bands: light blue, green and gold, behind the phases. */
const bandColors = ['rgba(22,119,255,0.08)', 'rgba(56,158,13,0.08)', 'rgba(212,136,6,0.10)'];
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * A battle's row label: its name, shortened with … to fit `width` pixels, then its progress.
 * ECharts' own truncation cut the end of the whole label, so a long name lost its percentage.
 * Widths are estimated (a CJK character as wide as the font size, others about 0.6 of it):
 * measuring needs a canvas, and the estimate errs on the short side.
 */
export function rowLabel(name: string, percent: number, width: number, fontSize: number): string {
  const suffix = ` ${percent}%`;
  const widthOf = (text: string) =>
    [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6), 0);
  const room = width - widthOf(suffix);
  if (widthOf(name) <= room) return `${name}${suffix}`;
  let cut = '';
  for (const ch of name) {
    if (widthOf(`${cut}${ch}…`) > room) break;
    cut += ch;
  }
  return `${cut}…${suffix}`;
}

/** One phase as the custom series draws it: its battle's row, start, end (inclusive), progress, name. */
export type PhaseDatum = [number, number, number, number, string];

export function phaseData(data: PublicReformBattles): PhaseDatum[] {
  return data.battles.flatMap((b, row) =>
    b.phases.map((p): PhaseDatum => [row, ms(p.startDate), ms(p.endDate) + 86_400_000, p.progress, p.name]),
  );
}

/**
 * The timeline (a Gantt chart): the plan's three steps as bands across its five years, each
 * battle a row, each phase a bar whose darker part is how much of it is done.
 */
export function timelineOption(
  data: PublicReformBattles,
  t: TFunction,
  opts: { narrow: boolean; today: string },
): ChartProps['option'] {
  const steps = data.plan?.steps ?? [];
  const phases = phaseData(data);
  const first = steps[0]?.start ?? data.battles.flatMap((b) => b.phases.map((p) => p.startDate)).sort()[0];
  const last =
    steps.at(-1)?.end ??
    data.battles
      .flatMap((b) => b.phases.map((p) => p.endDate))
      .sort()
      .at(-1);
  const labelWidth = opts.narrow ? 88 : 190;
  const labelFont = opts.narrow ? 10 : 12;
  return {
    animation: false,
    grid: { left: opts.narrow ? 96 : 200, right: 16, top: 28, bottom: 40 },
    tooltip: {
      formatter: (p: { value: PhaseDatum }) => {
        const [row, start, end, progress, name] = p.value;
        const day = (v: number) => new Date(v).toISOString().slice(0, 10);
        return `${data.battles[row]?.name ?? ''}<br/>${name}<br/>${period(t, day(start), day(end - 86_400_000))}<br/>${t('reforms.battles.progress')} ${Math.round(progress * 100)}%`;
      },
    },
    xAxis: {
      type: 'time',
      min: first ? ms(first) : undefined,
      max: last ? ms(last) + 86_400_000 : undefined,
      splitLine: { show: true, lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.battles.map((b) => rowLabel(b.name, Math.round(b.progress * 100), labelWidth, labelFont)),
      axisLabel: { width: labelWidth, overflow: 'truncate', fontSize: labelFont },
    },
    series: [
      {
        type: 'custom',
        name: t('reforms.battles.phases'),
        encode: { x: [1, 2], y: 0 },
        data: phases,
        renderItem: (
          _params: unknown,
          api: {
            value: (i: number) => number;
            coord: (v: [number, number]) => [number, number];
            size: (v: [number, number]) => [number, number];
          },
        ) => {
          const row = api.value(0);
          const [x0, y] = api.coord([api.value(1), row]);
          const [x1] = api.coord([api.value(2), row]);
          const h = api.size([0, 1])[1] * 0.5;
          // A gap of two pixels between phases that follow one another.
          const w = Math.max(x1 - x0 - 2, 1);
          return {
            type: 'group',
            children: [
              {
                type: 'rect',
                shape: { x: x0, y: y - h / 2, width: w, height: h },
                style: { fill: '#bae0ff' },
              },
              {
                type: 'rect',
                shape: { x: x0, y: y - h / 2, width: w * api.value(3), height: h },
                style: { fill: '#1677ff' },
              },
            ],
          };
        },
        markArea: {
          silent: true,
          // Above the plot, where no bar hides the step's name.
          label: { position: 'top', color: '#434343', fontSize: opts.narrow ? 10 : 12 },
          data: steps.map((s, i) => [
            {
              // A phone's chart names the steps briefly: the English names ran into each other.
              name: t(opts.narrow ? `reforms.stepsShort.${s.step}` : `reforms.steps.${s.step}`),
              xAxis: ms(s.start),
              itemStyle: { color: bandColors[i] },
            },
            { xAxis: ms(s.end) + 86_400_000 },
          ]),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#cf1322', type: 'solid' },
          // The rows run top to bottom (an inverse axis), so the line starts at the top.
          label: { formatter: t('reforms.battles.today'), color: '#cf1322', position: 'start' },
          data: [{ xAxis: ms(opts.today) }],
        },
      },
    ],
  };
}
