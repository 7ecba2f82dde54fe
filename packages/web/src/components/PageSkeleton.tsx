import '../theme/shell.css';

const rows = [100, 100, 100, 100, 100, 61];

/**
 * What a page shows while its code or its first figures are on the way: grey bars where the
 * text will be, never a dash or an empty list that would read as "no data". Plain elements
 * (shell.css), because it is drawn before any page's code, antd's included, has arrived.
 */
export function PageSkeleton() {
  return (
    <div aria-busy="true" data-testid="page-skeleton" className="qx-skeleton">
      <div className="qx-skeleton-title" />
      {rows.map((width, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed decorative bars that never reorder.
        <div key={i} className="qx-skeleton-row" style={{ width: `${width}%` }} />
      ))}
    </div>
  );
}
