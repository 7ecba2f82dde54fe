import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './EChartsView';

// ECharts is large: it loads with the first page that draws a chart, never with the public site.
const EChartsView = lazy(() => import('./EChartsView'));

export type { ChartProps };

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 300 }} />}>
      <EChartsView {...props} />
    </Suspense>
  );
}
