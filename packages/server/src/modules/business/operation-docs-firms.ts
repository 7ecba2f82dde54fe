import type { OperationDocs } from '../../openapi/operation-docs.js';

const upload = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const;

/** The firm registry, its staff accounts, the industry list, the liaison cadres, the scorecard. */
export const businessFirmDocs: OperationDocs = {
  'industry.list': {
    summary: { 'zh-CN': '行业目录', en: 'Industries' },
    description: {
      'zh-CN':
        '按顺序列出行业目录（国民经济行业分类 GB/T 4754-2017 门类及本区增补），含已停用的；首次读取时自动填入各门类。任何登录用户可查看。',
      en: 'The industry list in order (the GB/T 4754-2017 sections and what the district adds), retired ones included; the sections are filled in on first use. For any signed-in user.',
    },
    signedIn: true,
  },
  'industry.create': {
    summary: { 'zh-CN': '新增行业', en: 'Add an industry' },
    description: {
      'zh-CN':
        '区级管理员（区一级）在行业目录中增补一项，例如本区细分的行业大类；代码已存在时答冲突。写入审计日志。',
      en: 'The district office adds an industry to the list (a finer division the district files firms under, say); a code in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'industry.update': {
    summary: { 'zh-CN': '修改行业', en: 'Change an industry' },
    description: {
      'zh-CN':
        '区级管理员（区一级）修改行业名称、排序或停用；停用的行业不再用于新企业，已归入的企业保留。写入审计日志。',
      en: 'The district office renames, reorders or retires an industry; a retired one takes no new firms and keeps its own. Audited.',
    },
    signedIn: true,
  },
  'firm.list': {
    summary: { 'zh-CN': '企业库', en: 'Firm registry' },
    description: {
      'zh-CN':
        '分页列出当前用户管辖街道、乡镇内的企业（联系人脱敏），可按名称或统一社会信用代码、行业、街镇和规模筛选，并说明能否新增和导入；区级管理员、组织员和纪委可查看。',
      en: 'The firms in the towns of the caller’s scope, paged, contacts masked, filtered by name or credit code, industry, town and size, with whether the caller may add and import; for the office, organisers and the discipline commission.',
    },
    signedIn: true,
  },
  'firm.create': {
    summary: { 'zh-CN': '新增企业', en: 'File a firm' },
    description: {
      'zh-CN':
        '区级管理员或组织员在其管辖的街镇登记一家企业；统一社会信用代码须校验通过且未被占用，否则答冲突，行业须在用。写入审计日志。',
      en: 'The office or an organiser files a firm in a town of their scope; the unified social credit code must pass its check and be free (a taken one is a conflict), and the industry in use. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'firm.template': {
    summary: { 'zh-CN': '企业导入模板', en: 'Firm import template' },
    description: {
      'zh-CN': '下载企业批量导入的 Excel 模板，附一行示例。',
      en: 'The Excel template for importing firms, with one example row.',
    },
    signedIn: true,
  },
  'firm.export': {
    summary: { 'zh-CN': '导出企业', en: 'Export firms' },
    description: {
      'zh-CN':
        '把管辖范围内符合筛选条件的企业导出为 Excel，联系人脱敏；符合条件的企业多于一个工作簿的上限时拒绝并给出条数（export_too_large），不截断。区级管理员、组织员和纪委可用。',
      en: 'The firms of the caller’s scope matching the filters as an Excel workbook, contacts masked; more firms than a workbook holds are refused with the count (export_too_large), never cut short. For the office, organisers and the discipline commission.',
    },
    signedIn: true,
  },
  'firm.import': {
    summary: { 'zh-CN': '批量导入企业', en: 'Import firms' },
    description: {
      'zh-CN':
        '按统一社会信用代码批量导入企业，全部成功或全部不导入：新代码新增，已有代码只更新有变化的字段，任一行有误即整表退回并按行列列出问题；只能导入管辖街镇内的企业。写入审计日志。',
      en: 'Imports firms by credit code, all or nothing: new codes are filed, known ones updated where the file differs, and one bad row returns the file with every problem by row and column; only firms in the caller’s towns. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', ...upload],
  },
  'firm.mine': {
    summary: { 'zh-CN': '本企业信息', en: 'My firm' },
    description: {
      'zh-CN': '企业人员查看本企业的完整登记信息；未关联企业的账号答未找到。',
      en: 'For a firm’s staff: their firm’s whole record; an account of no firm gets not found.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'firm.read': {
    summary: { 'zh-CN': '查看企业', en: 'Read a firm' },
    description: {
      'zh-CN':
        '一家企业的完整登记信息，供所在街镇的区级管理员和组织员、纪委、本企业人员及其联络干部查看；无权查看的答未找到。',
      en: 'A firm’s whole record, for the office and organisers over its town, the discipline commission, its own staff and its liaison cadre; not found to anyone else.',
    },
    signedIn: true,
  },
  'firm.update': {
    summary: { 'zh-CN': '修改企业', en: 'Change a firm' },
    description: {
      'zh-CN':
        '区级管理员或组织员修改企业登记信息；迁往其他街镇须对两地都有权限，改正的信用代码须未被占用，否则答冲突。写入审计日志。',
      en: 'The office or an organiser changes a firm’s record; moving it to another town needs both in scope, and a corrected credit code must be free (else a conflict). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'firmMember.list': {
    summary: { 'zh-CN': '企业人员账号', en: 'Firm staff accounts' },
    description: {
      'zh-CN': '一家企业的人员账号（登录名、姓名、是否停用、加入时间），供所在街镇的区级管理员和组织员查看。',
      en: 'A firm’s staff accounts (login, name, whether disabled, since when), for the office and organisers over its town.',
    },
    signedIn: true,
  },
  'firmMember.invite': {
    summary: { 'zh-CN': '邀请企业人员', en: 'Invite firm staff' },
    description: {
      'zh-CN':
        '区级管理员或组织员为企业生成一次性邀请链接（可设有效天数）；接受者获得企业角色并成为该企业人员，只能看到本企业。写入审计日志。',
      en: 'The office or an organiser issues a one-time invitation link for a firm (valid for the days chosen); whoever accepts it gets the enterprise role and becomes a member of that firm, seeing that firm only. Audited.',
    },
    signedIn: true,
  },
  'firmMember.remove': {
    summary: { 'zh-CN': '移除企业人员', en: 'Remove firm staff' },
    description: {
      'zh-CN':
        '区级管理员或组织员把账号移出企业人员，此后不再能看到该企业；账号本身保留，如需停用须在账号管理中操作。写入审计日志。',
      en: 'The office or an organiser takes an account off a firm’s staff, so it no longer sees the firm; the account itself stays, to be disabled under accounts if need be. Audited.',
    },
    signedIn: true,
  },
  'liaison.list': {
    summary: { 'zh-CN': '干部联企名单', en: 'Liaison pairings' },
    description: {
      'zh-CN':
        '百名干部联千企：管辖范围内各企业的联络干部和走访到期情况（已逾期的在前），可按状态、干部、街镇和企业名称筛选并分页，附各状态计数；区级管理员和纪委看管辖范围，联络干部只看自己联系的企业。',
      en: 'The firms of the caller’s scope with their liaison cadre and when a visit is due (overdue first), filtered by state, cadre, town and name and paged, with counts per state; the office and the discipline commission see their scope, a cadre only their own firms.',
    },
    signedIn: true,
  },
  'liaison.proposal': {
    summary: { 'zh-CN': '结对建议', en: 'Pairing proposal' },
    description: {
      'zh-CN':
        '为管辖范围内尚无联络干部的企业提出结对建议，按街镇和行业分组并均衡各干部的联系数量；仅为建议，区级管理员采纳前不保存任何内容。',
      en: 'A proposed cadre for every firm of the office’s scope that has none, grouped by town and industry and balanced between cadres; nothing is saved until the office applies it.',
    },
    signedIn: true,
  },
  'liaison.assign': {
    summary: { 'zh-CN': '确定结对', en: 'Apply pairings' },
    description: {
      'zh-CN':
        '区级管理员确定企业与联络干部的结对（采纳编辑后的建议或逐项调整）：更换干部时原结对于当天结束、另起新结对，历史保留；企业须在管辖范围内、干部须在名册中，任一项有误则整体退回；其间另一名管理员已调整某企业的干部时，也整体退回（该企业所在行，代码 paired_meanwhile）。写入审计日志。',
      en: 'The office applies pairings (an edited proposal or single changes): a firm changing cadre ends its pairing today and starts another, keeping the history; each firm must be in scope and each cadre on the roster, and one wrong row refuses the whole change, as does a firm whose cadre another office member changed meanwhile (its row, code paired_meanwhile). Audited.',
    },
    signedIn: true,
  },
  'liaisonSettings.update': {
    summary: { 'zh-CN': '设置走访频次', en: 'Set visit frequency' },
    description: {
      'zh-CN': '区级管理员（区一级）设置结对企业的走访频次，以及提前多少天标记即将到期。写入审计日志。',
      en: 'The district office sets how often paired firms are visited and how early a coming visit is flagged. Audited.',
    },
    signedIn: true,
  },
  'liaison.remind': {
    summary: { 'zh-CN': '提醒走访', en: 'Remind cadres' },
    description: {
      'zh-CN':
        '区级管理员向管辖范围内有逾期未走访企业的联络干部发送站内提醒，写明逾期企业数和逾期最久的企业；无逾期的干部不提醒。写入审计日志。',
      en: 'The office tells each cadre of its scope with firms overdue for a visit how many, naming the longest overdue; a cadre with none overdue is not told. Audited.',
    },
    signedIn: true,
  },
  'visit.read': {
    summary: { 'zh-CN': '企业联络与走访', en: 'A firm’s liaison' },
    description: {
      'zh-CN':
        '一家企业的联络干部和历次走访记录（最新在前），含走访中反映的问题及转成的诉求；供所在街镇的区级管理员、纪委、该企业的联络干部和本企业人员查看，其他人答未找到。',
      en: 'A firm’s liaison cadre and the visits to it, newest first, with the issues raised and the requests they became; for the office over its town, the discipline commission, its cadre and its own staff, not found to anyone else.',
    },
    signedIn: true,
  },
  'visit.log': {
    summary: { 'zh-CN': '登记走访', en: 'Log a visit' },
    description: {
      'zh-CN':
        '联络干部登记对所联系企业的一次已完成走访（日期、参加人员、交流事项）；企业反映的问题可在同一事务中代企业提出为诉求，并与本次走访关联，企业人员获知代提的诉求及走访日期。非该企业联络干部的答未找到；登记期间管理员将企业改派给其他干部或解除联系的答冲突（代码 unpaired_meanwhile）。写入审计日志。',
      en: 'A cadre logs a visit made to a firm paired with them (date, attendees, topics); each issue the firm raised may become its request in the same step, raised on its behalf and linked to the visit, and the firm’s staff are told of it with the visit’s day. Anyone but its cadre gets not found; a visit logged while the office pairs the firm with another cadre or ends its pairing is a conflict (code unpaired_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'businessPublic.scorecard': {
    summary: { 'zh-CN': '部门效能晾晒', en: 'Department scorecard' },
    description: {
      'zh-CN':
        '公开的部门效能评分：某月（默认最近一个已结束的月份）各部门的响应率、办结率、满意度及综合得分和等级，附最近十二个月的走势；月份须为已结束的十二个月之一。不需要登录。',
      en: 'The published department scorecard: for a month (by default the latest ended), each department’s response, resolution and satisfaction rates, score and tier, with its trend over the twelve ended months; the month must be one of them. No sign-in needed.',
    },
  },
  'scorecardSettings.read': {
    summary: { 'zh-CN': '评分设置', en: 'Scorecard settings' },
    description: {
      'zh-CN': '效能评分的办理时限（工作日）、各项权重和等级分界；任何登录用户可查看。',
      en: 'The scorecard’s deadline in working days, its weights and its tiers; for any signed-in user.',
    },
    signedIn: true,
  },
  'scorecardSettings.update': {
    summary: { 'zh-CN': '修改评分设置', en: 'Change scorecard settings' },
    description: {
      'zh-CN':
        '区级管理员（区一级）设置效能评分的办理时限、权重（含问卷权重）和等级分界，此后每个月都按新设置重新计算。写入审计日志。',
      en: 'The district office sets the scorecard’s deadline, weights (the survey’s included) and tiers; every month is scored anew by them. Audited.',
    },
    signedIn: true,
  },
};
