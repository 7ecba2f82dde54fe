import type { OperationDocs } from '../../openapi/operation-docs.js';

/** 招商引资: signed projects, their stages and funds, the chains, the dashboard and its figures. */
export const businessProjectDocs: OperationDocs = {
  'project.list': {
    summary: { 'zh-CN': '招商项目', en: 'Investment projects' },
    description: {
      'zh-CN':
        '列出当前用户可见的已签约招商项目及其当前阶段、是否停滞，可按项目或投资方名称、产业链、阶段和停滞与否筛选，并说明能否新增项目和修改设置。区级管理员和纪委看管辖范围内的，服务专员看自己服务的项目；企业看不到。',
      en: 'The signed investment projects the caller may read, with stage and whether stalled, filtered by project or investor name, chain, stage and stalled, with whether the caller may add projects and change the settings. The office and the discipline commission see their scope, a service commissioner the projects they serve; firms see none.',
    },
    signedIn: true,
  },
  'project.create': {
    summary: { 'zh-CN': '登记招商项目', en: 'File a project' },
    description: {
      'zh-CN':
        '区级管理员在其管辖的牵头单位下登记一个已签约项目；引用的产业链须在用，服务专员须为在用的工作人员账号，牵头单位和企业须存在，所有问题一次列出。写入审计日志。',
      en: 'The office files a signed project under a lead unit of its scope; the chain must be in use, the commissioner an enabled staff account, the lead unit and firm must exist, every fault listed at once. Audited.',
    },
    signedIn: true,
  },
  'project.commissioners': {
    summary: { 'zh-CN': '可选服务专员', en: 'Commissioner candidates' },
    description: {
      'zh-CN':
        '可担任项目服务专员的在用工作人员账号（按姓名），供登记项目时选择；仅能登记项目的区级管理员可用。',
      en: 'The enabled staff accounts that may serve as a project’s commissioner, by name, to choose from when filing; for the office that files projects.',
    },
    signedIn: true,
  },
  'project.export': {
    summary: { 'zh-CN': '导出招商项目', en: 'Export projects' },
    description: {
      'zh-CN': '把当前用户可见、符合筛选条件的招商项目导出为 Excel。',
      en: 'The projects the caller may read that match the filters, as an Excel workbook.',
    },
    signedIn: true,
  },
  'project.read': {
    summary: { 'zh-CN': '查看招商项目', en: 'Read a project' },
    description: {
      'zh-CN':
        '一个项目的条款、各阶段记录（含更正）和到位资金及累计；区级管理员、纪委和该项目的服务专员可查看，其他人答未找到。',
      en: 'A project’s terms, its stage entries (corrections kept) and its funds with their running total; for the office, the discipline commission and its commissioner, not found to anyone else.',
    },
    signedIn: true,
  },
  'project.update': {
    summary: { 'zh-CN': '修改招商项目', en: 'Change a project' },
    description: {
      'zh-CN':
        '区级管理员更正项目条款；新的签约日期须早于已达到的各阶段（代码 after_next_stage），且不得晚于已记录的到位资金日期（字段 signedOn，代码 after_funds，并给出首笔资金日期），新的牵头单位也须在其管辖范围内。写入审计日志。',
      en: 'The office corrects a project’s terms; a new signing date must come before every stage reached (code after_next_stage) and not after funds already in place (field signedOn, code after_funds, with the first funds’ date), and a new lead unit must lie in its scope too. Audited.',
    },
    signedIn: true,
  },
  'project.recordStage': {
    summary: { 'zh-CN': '记录项目阶段', en: 'Record a stage' },
    description: {
      'zh-CN':
        '区级管理员或项目服务专员记录项目在某日达到某一阶段（注册、开工、投产、达效），之前各阶段须已在当日或之前达到；再次记录即更正日期，原记录保留。写入审计日志。',
      en: 'The office or the project’s commissioner records that it reached a stage (registered, started, producing, effective) on a date, every earlier stage reached on or before it; recording a stage again corrects its date, the earlier entry kept. Audited.',
    },
    signedIn: true,
  },
  'project.recordFunds': {
    summary: { 'zh-CN': '记录到位资金', en: 'Record funds' },
    description: {
      'zh-CN':
        '区级管理员或项目服务专员记录一笔到位资金，日期不得早于签约日期（字段 receivedOn，代码 before_signing），记录期间签约日期被改晚的也同样拒绝；记录不可修改。写入审计日志。',
      en: 'The office or the project’s commissioner records funds put in place, dated on or after the signing (field receivedOn, code before_signing), the signing date as it stands when they are written; entries are never changed. Audited.',
    },
    signedIn: true,
  },
  'chain.list': {
    summary: { 'zh-CN': '产业链', en: 'Industrial chains' },
    description: {
      'zh-CN': '按顺序列出产业链工作专班，含已停用的；首次读取时填入初始产业链。任何登录用户可查看。',
      en: 'The industrial-chain working groups in order, retired ones included; the initial chains are filled in on first use. For any signed-in user.',
    },
    signedIn: true,
  },
  'chain.create': {
    summary: { 'zh-CN': '新增产业链', en: 'Add a chain' },
    description: {
      'zh-CN': '区级管理员（区一级）新增产业链工作专班，代码由系统生成。写入审计日志。',
      en: 'The district office adds an industrial-chain working group; its code is made by the system. Audited.',
    },
    signedIn: true,
  },
  'chain.update': {
    summary: { 'zh-CN': '修改产业链', en: 'Change a chain' },
    description: {
      'zh-CN':
        '区级管理员（区一级）修改产业链名称、排序或停用；项目保留所属产业链并显示新名称。写入审计日志。',
      en: 'The district office renames, reorders or retires a chain; projects keep their chain, shown by its new name. Audited.',
    },
    signedIn: true,
  },
  'project.dashboard': {
    summary: { 'zh-CN': '招商引资看板', en: 'Investment dashboard' },
    description: {
      'zh-CN':
        '当前用户可见项目的招商看板：某年（默认今年截至本月）逐月数字与上年对比、相对基准年的落地周期走势，以及当前停滞的项目数；区级管理员和纪委可查看。',
      en: 'The investment dashboard of the projects the caller reads: a year’s months (by default this year to this month) beside the year before, the landing-cycle trend against a baseline year, and how many projects are stalled today; for the office and the discipline commission.',
    },
    signedIn: true,
  },
  'entities.set': {
    summary: { 'zh-CN': '填报新增市场主体', en: 'Set new market entities' },
    description: {
      'zh-CN':
        '区级管理员（区一级）填报某月新增市场主体数（来自市场监管登记）；重复填报即替换，审计日志保留原数。',
      en: 'The district office enters a month’s count of new market entities (from the market regulator’s register); entering it again replaces it, the audit event keeping the old count.',
    },
    signedIn: true,
  },
  'entities.template': {
    summary: { 'zh-CN': '市场主体导入模板', en: 'Market entities template' },
    description: {
      'zh-CN': '下载按月导入新增市场主体数的 Excel 模板。',
      en: 'The Excel template for importing new market entities by month.',
    },
    signedIn: true,
  },
  'entities.import': {
    summary: { 'zh-CN': '导入新增市场主体', en: 'Import market entities' },
    description: {
      'zh-CN':
        '区级管理员（区一级）按月导入新增市场主体数，全部成功或全部不导入：新月份新增，已有月份数字不同时替换，任一行有误或月份重复即整表退回并列出问题。写入审计日志。',
      en: 'The district office imports new market entities by month, all or nothing: a new month is added, a known one replaced where the count differs, and a bad row or a month given twice returns the file with every problem. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'projectSettings.read': {
    summary: { 'zh-CN': '停滞判定设置', en: 'Stall settings' },
    description: {
      'zh-CN':
        '项目等待进入下一阶段超过多少天即判定为停滞（注册、开工、投产、达效各一个天数）；任何登录用户可查看。',
      en: 'How many days a project may wait for each next stage (registered, started, producing, effective) before it is flagged stalled; for any signed-in user.',
    },
    signedIn: true,
  },
  'projectSettings.update': {
    summary: { 'zh-CN': '修改停滞判定', en: 'Change stall settings' },
    description: {
      'zh-CN': '区级管理员（区一级）设置项目各阶段的停滞判定天数。写入审计日志。',
      en: 'The district office sets how many days a project may wait for each next stage before it is flagged stalled. Audited.',
    },
    signedIn: true,
  },
};
