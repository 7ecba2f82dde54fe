import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { prefersReducedMotion } from '../theme/theme';
import { readableValueAxes } from './chart-axes';
import { stillWhenAsked } from './chart-motion';

// Only what is drawn is registered; a module that needs another chart type adds it here.
echarts.use([
  BarChart,
  // The reform battles' timeline: phases drawn as bars between two dates, the plan's steps as bands.
  CustomChart,
  MarkAreaComponent,
  LineChart,
  GridComponent,
  LegendComponent,
  // The investment dashboard's baseline and target lines.
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface ChartProps {
  option: echarts.EChartsCoreOption;
  height?: number;
  ariaLabel?: string;
}

export default function EChartsView({ option, height = 300, ariaLabel }: ChartProps) {
  const { i18n } = useTranslation();
  const readable = useMemo(
    () => stillWhenAsked(readableValueAxes(option, i18n.language), prefersReducedMotion()),
    [option, i18n.language],
  );
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={readable} style={{ height, width: '100%' }} notMerge />
    </div>
  );
}
