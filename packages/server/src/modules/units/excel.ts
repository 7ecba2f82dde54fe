import { type Column, writeSheet } from '../../excel/workbook.js';

/** The unit tree's workbook: the columns its import reads and its export writes. */
export const unitColumns: Column[] = [
  { key: 'code', header: '编码' },
  { key: 'name', header: '名称', width: 28 },
  { key: 'kind', header: '类型' },
  { key: 'parentCode', header: '上级编码' },
  { key: 'sort', header: '排序', width: 8 },
];

export const unitTemplate = () =>
  writeSheet('单位', unitColumns, [
    { code: 'QJ-EXAMPLE', name: '示例街道', kind: 'subdistrict', parentCode: 'QJ', sort: 1 },
  ]);
