import { describe, expect, it } from 'vitest';
import type { Unit } from '../../api/types';
import { buildUnitTree, unitTreeOptions } from './unitTree';

function unit(id: string, parentId: string | null, sort = 0, name = id): Unit {
  return { id, code: id, name, kind: 'other', parentId, path: `/${id}/`, sort, isDemo: false };
}

describe('unit tree', () => {
  it('nests children under their parent, ordered by sort', () => {
    const tree = buildUnitTree([
      unit('b', 'root', 2),
      unit('root', null),
      unit('a', 'root', 1),
      unit('a1', 'a'),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['root']);
    expect(tree[0]?.children?.map((n) => n.id)).toEqual(['a', 'b']);
    expect(tree[0]?.children?.[0]?.children?.map((n) => n.id)).toEqual(['a1']);
    expect(tree[0]?.children?.[1]?.children).toBeUndefined();
  });

  it('keeps a unit whose parent was not loaded as a root', () => {
    expect(buildUnitTree([unit('x', 'missing')]).map((n) => n.id)).toEqual(['x']);
  });

  it('leaves the excluded unit and its subtree out of the options', () => {
    const tree = buildUnitTree([unit('root', null), unit('a', 'root'), unit('a1', 'a'), unit('b', 'root')]);
    const options = unitTreeOptions(tree, 'a');
    expect(options[0]?.children?.map((o) => o.value)).toEqual(['b']);
  });
});
