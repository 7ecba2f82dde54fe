import type { Unit } from '../../api/types';

export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/**
 * Nests the flat list by parentId, siblings by sort then name. A unit whose parent is not in
 * the list (outside what was loaded) becomes a root rather than disappearing.
 */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((unit) => [unit.id, { ...unit }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const order = (list: UnitNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    for (const node of list) if (node.children) order(node.children);
  };
  order(roots);
  return roots;
}

export interface UnitTreeOption {
  value: string;
  title: string;
  children?: UnitTreeOption[];
  disabled?: boolean;
}

/** TreeSelect options; `exclude` (a unit being edited) is left out with its subtree. */
export function unitTreeOptions(tree: readonly UnitNode[], exclude?: string): UnitTreeOption[] {
  return tree
    .filter((node) => node.id !== exclude)
    .map((node) => ({
      value: node.id,
      title: node.name,
      ...(node.children ? { children: unitTreeOptions(node.children, exclude) } : {}),
    }));
}
