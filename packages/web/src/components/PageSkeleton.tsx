import { Skeleton } from 'antd';

/**
 * What a page shows while its code or its first figures are on the way: grey bars where the
 * text will be, never a dash or an empty list that would read as "no data".
 */
export function PageSkeleton() {
  return (
    <div aria-busy="true" data-testid="page-skeleton" style={{ paddingTop: 8 }}>
      <Skeleton active title paragraph={{ rows: 6 }} />
    </div>
  );
}
