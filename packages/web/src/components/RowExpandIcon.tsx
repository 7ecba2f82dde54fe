import type { TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { rowAction } from './rowActions';

type ExpandIconProps<T> = Parameters<NonNullable<NonNullable<TableProps<T>['expandable']>['expandIcon']>>[0];

/**
 * A table's expand button named by its row ("展开：城西街道"), where antd names every one alike
 * ("展开行, 展开行…", WCAG 2.1, 2.4.6). Drawn as antd draws its own, with its classes, so it
 * looks and turns the same; a row with nothing to expand (a leaf of a tree) gets antd's spacer.
 */
export function namedExpandIcon<T>(t: TFunction, nameOf: (row: T) => string) {
  // antd calls this as a render function, not as a component: it holds no state.
  return ({ prefixCls, expanded, expandable, record, onExpand }: ExpandIconProps<T>) => {
    const icon = `${prefixCls}-row-expand-icon`;
    if (!expandable) return <span className={`${icon} ${icon}-spaced`} aria-hidden="true" />;
    return (
      <button
        type="button"
        className={`${icon} ${icon}-${expanded ? 'expanded' : 'collapsed'}`}
        aria-expanded={expanded}
        aria-label={rowAction(t, t(expanded ? 'common.collapseRow' : 'common.expandRow'), nameOf(record))}
        onClick={(event) => {
          event.stopPropagation();
          onExpand(record, event);
        }}
      />
    );
  };
}
