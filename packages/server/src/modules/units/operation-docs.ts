import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The unit tree (单位): read by anyone, changed by admins within their scope. */
export const unitDocs: OperationDocs = {
  'unit.list': {
    summary: { 'zh-CN': '单位树', en: 'Unit tree' },
    description: {
      'zh-CN': '全部单位（区、部门、街道、镇、乡、社区、村等）及其上下级关系和排序；公开，不需要登录。',
      en: 'Every unit (the district, departments, streets, towns, townships, communities, villages …) with its parent and order; public, no sign-in needed.',
    },
  },
  'unit.create': {
    summary: { 'zh-CN': '新建单位', en: 'Create a unit' },
    description: {
      'zh-CN':
        '管理员在本人辖区内的上级单位下新建单位；上级单位不存在答输入有误，编码已被使用答冲突。写入审计日志。',
      en: 'An admin adds a unit under a parent within their scope; an unknown parent is invalid input and a code in use a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'unit.update': {
    summary: { 'zh-CN': '修改单位', en: 'Change a unit' },
    description: {
      'zh-CN':
        '管理员修改本人辖区内单位的名称、编码、类型、排序或上级单位；改换上级时整棵下级单位随之移动，新上级也须在本人辖区内，不能移到自身之下。编码已被使用答冲突。写入审计日志。',
      en: 'An admin changes a unit of their scope: name, code, kind, order or parent. A move takes the whole subtree along, the new parent must also be in their scope, and a unit cannot move under itself. A code in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'unit.delete': {
    summary: { 'zh-CN': '删除单位', en: 'Delete a unit' },
    description: {
      'zh-CN':
        '管理员删除本人辖区内的末级单位；仍有下级单位（errors 中 code 为 has_sub_units），或仍被角色、业务记录引用的（unit_in_use），不能删除。写入审计日志。',
      en: 'An admin deletes a unit of their scope that has no sub-units (else an error with code has_sub_units); one still named by roles or records cannot be deleted (unit_in_use). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'unit.import': {
    summary: { 'zh-CN': '导入单位', en: 'Import units' },
    description: {
      'zh-CN':
        '管理员上传 Excel 按编码导入单位：新编码新建，已有编码更新，其余不动，同一文件重复导入不再改动。先逐行核对，有误则整份退回并列出行号、字段和原因；涉及本人辖区外单位的答无权限，借导入移动单位的答输入有误；出错时不写入任何内容。写入审计日志。',
      en: 'An admin uploads an Excel file of units by code: new codes are created, known ones updated, nothing else touched, so the same file again changes nothing. Every row is checked first; errors return the file with each row, field and reason. A row outside their scope is forbidden, one moving a unit invalid input; on any error nothing is written. Audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'unit.export': {
    summary: { 'zh-CN': '导出单位树', en: 'Export the unit tree' },
    description: {
      'zh-CN': '以 Excel 导出全部单位，列与导入模板相同，每个单位附上级单位编码；任何登录用户均可导出。',
      en: 'Every unit as an Excel workbook in the import’s columns, each with its parent’s code; any signed-in user may export it.',
    },
    signedIn: true,
  },
  'unit.template': {
    summary: { 'zh-CN': '下载单位导入模板', en: 'Unit import template' },
    description: {
      'zh-CN': '下载导入单位用的空白 Excel 模板；不需要登录。',
      en: 'The blank Excel template for importing units; no sign-in needed.',
    },
  },
};
