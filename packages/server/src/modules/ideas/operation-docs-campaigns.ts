import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Setting up campaigns (the district office's) and the staff dashboard. */
export const campaignIdeaDocs: OperationDocs = {
  'campaign.list': {
    summary: { 'zh-CN': '大讨论列表', en: 'Campaigns' },
    description: {
      'zh-CN': '全部各期大讨论，按开始日期倒序，含各期建议数和可执行的操作；仅区级管理员。',
      en: 'Every campaign, latest start first, with its number of suggestions and what may be done with it; for the district office.',
    },
    signedIn: true,
  },
  'campaign.create': {
    summary: { 'zh-CN': '新建大讨论', en: 'Create a campaign' },
    description: {
      'zh-CN':
        '区级管理员新建一期大讨论：主题、起止日期、建议领域、评审细则、征集渠道、问卷等。第一期建成即为当期，以后各期须另行设为当期。编号已被使用时答冲突。写入审计日志。',
      en: 'The district office opens a campaign: theme, period, domains, rubric, channels, survey and the rest. The first one is current at once; later ones wait until made current. A code in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'campaign.update': {
    summary: { 'zh-CN': '修改大讨论', en: 'Change a campaign' },
    description: {
      'zh-CN':
        '区级管理员修改一期大讨论的设置；结束日期须不早于开始日期，入围名额只能指向已有领域。已被建议、评分或答卷引用的领域、评分项、问卷题目和选项不能删除，题型不能更改，否则答冲突。写入审计日志。',
      en: 'The district office changes a campaign’s settings; the period must be in order and the shortlist quota may name only its domains. Domains, criteria, survey questions and options that suggestions, scores or answers refer to cannot be removed, nor a question’s kind changed: that is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'campaign.extend': {
    summary: { 'zh-CN': '延长征集期', en: 'Extend a campaign' },
    description: {
      'zh-CN':
        '区级管理员把一期大讨论的结束日期推后，群众征集随之开放到新日期；新日期须晚于原结束日期。写入审计日志。',
      en: 'The district office moves a campaign’s end later, and the public intake stays open until then; the new end must be after the old one. Audited.',
    },
    signedIn: true,
  },
  'campaign.makeCurrent': {
    summary: { 'zh-CN': '设为当期', en: 'Make current' },
    description: {
      'zh-CN':
        '区级管理员把一期大讨论设为当期，原当期随之取消；公开网站和初筛、评审等工作都转到这一期。写入审计日志。',
      en: 'The district office makes a campaign the current one in place of the previous; the public site and every queue (screening, review …) follow it. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'ideaStats.read': {
    summary: { 'zh-CN': '工作台统计', en: 'Staff dashboard' },
    description: {
      'zh-CN':
        '当期大讨论的统计，供管理员、初筛员和组织员使用：辖区覆盖全区的看全区（与公开统计相同的缓存数据），其余只看本辖区镇街的实时计数。',
      en: 'The current campaign’s figures, for admins, screeners and organisers: the whole district (the cached public figures) for those whose units hold every town, else live counts of their own towns.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'ideaStats.export': {
    summary: { 'zh-CN': '导出统计', en: 'Export the dashboard' },
    description: {
      'zh-CN': '以 Excel 导出调用者可见的统计：一张汇总表，每种分布各一张表；按请求语言生成表头。',
      en: 'The figures the caller sees as an Excel workbook: a summary sheet and one sheet per breakdown; headings in the request’s language.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
};
