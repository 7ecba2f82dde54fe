import type { OperationDocs } from '../../openapi/operation-docs.js';

const office = { 'zh-CN': '仅管理员；写入审计日志。', en: 'For admins; audited.' };

/** The indicator library, regions, benchmark values and the module's settings. */
export const targetsLibraryDocs: OperationDocs = {
  'indicator.list': {
    summary: { 'zh-CN': '指标库', en: 'Indicator library' },
    description: {
      'zh-CN':
        '按编码顺序分页列出赶超指标（编码、名称、计量单位、方向、类别、来源、频次），可按类别和名称或编码关键词筛选；登录用户均可读。',
      en: 'A page of catch-up indicators by code (code, name, measure, direction, category, source, frequency), filtered by category and words of the name or code; for anyone signed in.',
    },
    signedIn: true,
  },
  'indicator.create': {
    summary: { 'zh-CN': '新增指标', en: 'Add an indicator' },
    description: {
      'zh-CN': `在指标库中新增一个指标，编码不得与已有指标重复。${office['zh-CN']}`,
      en: `Adds an indicator to the library under a code not yet used. ${office.en}`,
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'indicator.update': {
    summary: { 'zh-CN': '修改指标', en: 'Edit an indicator' },
    description: {
      'zh-CN': `修改指标的任意字段；改用的新编码已被占用时答冲突；有已报送或已通过的计划使用该指标且其年度第四季度晾晒尚未发布时，不能改变方向（冲突，代码 direction_in_use）。${office['zh-CN']}`,
      en: `Changes any field of an indicator; a new code already in use is a conflict, and so is a new direction while a submitted or approved plan of a year whose fourth quarter is not published uses the indicator (code direction_in_use). ${office.en}`,
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'indicator.export': {
    summary: { 'zh-CN': '导出指标库', en: 'Export the indicators' },
    description: {
      'zh-CN': '把整个指标库导出为 Excel（方向、类别、频次以中文填写），可修改后再导入；登录用户均可导出。',
      en: 'The whole indicator library as an Excel workbook (direction, category and frequency in Chinese words), ready to edit and import again; for anyone signed in.',
    },
    signedIn: true,
  },
  'indicator.template': {
    summary: { 'zh-CN': '指标导入模板', en: 'Indicator import template' },
    description: {
      'zh-CN': '下载指标库的 Excel 导入模板；登录用户均可下载。',
      en: 'The indicator library’s Excel import template; for anyone signed in.',
    },
    signedIn: true,
  },
  'indicator.import': {
    summary: { 'zh-CN': '导入指标库', en: 'Import indicators' },
    description: {
      'zh-CN': `按编码导入 Excel 指标库，全部成功或全部不导入：任一行有误即整份退回并按行列出问题；已有编码只改不同之处，同一文件重复导入不产生变化；频次留空的已有指标保留原频次；有已报送或已通过的计划使用且其年度尚未结束的指标改变方向时该行报错（direction_in_use）。${office['zh-CN']}`,
      en: `Imports indicators by code, all or nothing: one bad row rejects the file with every problem listed by row; known codes change only where they differ, so the same file twice changes nothing; a blank frequency keeps a known indicator’s own; a new direction for an indicator a submitted or approved plan of a year not yet closed uses is a row error (direction_in_use). ${office.en}`,
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'],
  },
  'region.list': {
    summary: { 'zh-CN': '对标地区', en: 'Regions' },
    description: {
      'zh-CN': '按排序列出对标地区（本区、武陵山区城市和其他对标地区）；登录用户均可读。',
      en: 'The regions compared with, in their order (the district itself, the Wuling cities and other peers); for anyone signed in.',
    },
    signedIn: true,
  },
  'region.create': {
    summary: { 'zh-CN': '新增对标地区', en: 'Add a region' },
    description: {
      'zh-CN': `新增一个对标地区（编码、名称、类型、排序），编码不得重复。${office['zh-CN']}`,
      en: `Adds a region to compare with (code, name, kind, order) under a code not yet used. ${office.en}`,
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'benchmark.list': {
    summary: { 'zh-CN': '标杆值', en: 'Benchmark values' },
    description: {
      'zh-CN': '列出各对标地区在各期的指标值及来源，可按指标、地区和期次筛选，最多 5000 条；登录用户均可读。',
      en: 'The regions’ values of the indicators by period with their sources, filtered by indicator, region and period, at most 5,000; for anyone signed in.',
    },
    signedIn: true,
  },
  'benchmark.set': {
    summary: { 'zh-CN': '设置标杆值', en: 'Set a benchmark value' },
    description: {
      'zh-CN': `设置某地区某指标某期的数值和来源，已有的即覆盖；地区或指标不存在时逐项退回。${office['zh-CN']}`,
      en: `Sets one region’s value of an indicator in a period, with its source, replacing one already there; an unknown region or indicator is refused by field. ${office.en}`,
    },
    signedIn: true,
  },
  'benchmark.export': {
    summary: { 'zh-CN': '导出标杆值', en: 'Export the benchmark values' },
    description: {
      'zh-CN':
        '把全部标杆值导出为 Excel（地区编码和名称、指标编码和名称、期间、数值、来源），可修改后按原样再导入；登录用户均可导出。',
      en: 'Every benchmark value as an Excel workbook (region code and name, indicator code and name, period, value, source), ready to edit and import again as it stands; for anyone signed in.',
    },
    signedIn: true,
  },
  'benchmark.template': {
    summary: { 'zh-CN': '标杆值导入模板', en: 'Benchmark import template' },
    description: {
      'zh-CN': '下载标杆值的 Excel 导入模板，表头为请求的语言；登录用户均可下载。',
      en: 'The benchmark values’ Excel import template, headed in the request’s language; for anyone signed in.',
    },
    signedIn: true,
  },
  'benchmark.import': {
    summary: { 'zh-CN': '导入标杆值', en: 'Import benchmark values' },
    description: {
      'zh-CN': `按地区编码和指标编码从 Excel 导入标杆值，全部成功或全部不导入；已有数值被覆盖，同一文件重复导入不产生变化。${office['zh-CN']}`,
      en: `Imports benchmark values from Excel by region and indicator code, all or nothing; a value already there is replaced, so the same file twice changes nothing. ${office.en}`,
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'targetSettings.read': {
    summary: { 'zh-CN': '赶超设置', en: 'Catch-up settings' },
    description: {
      'zh-CN': '返回季度报送期限（季度结束后的第几个工作日，默认 10）；登录用户均可读。',
      en: 'The quarterly reporting deadline (the working day after the quarter’s end it falls on, 10 by default); for anyone signed in.',
    },
    signedIn: true,
  },
  'targetSettings.update': {
    summary: { 'zh-CN': '修改赶超设置', en: 'Change the settings' },
    description: {
      'zh-CN': `设置季度报送期限（季度结束后 0–60 个工作日），对此后新建的季度报告生效，并在同一事务中重算尚未报送（草稿或被退回）且期限未过的报告的期限，通知有关单位。${office['zh-CN']}`,
      en: `Sets the quarterly reporting deadline (0–60 working days after the quarter’s end), for reports created from then on; the deadlines not yet passed of the reports not yet in (draft or returned) are counted again in the same transaction and their units told. ${office.en}`,
    },
    signedIn: true,
  },
};
