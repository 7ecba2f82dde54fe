import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Monthly progress reports, their review and their evidence files. */
export const reformsReportDocs: OperationDocs = {
  'reformReport.list': {
    summary: { 'zh-CN': '月度进展列表', en: 'Monthly reports' },
    description: {
      'zh-CN':
        '列出本人可读的月度进展报告（可按状态、项目、月份筛选，改革办的待审队列即“待审核”），以及该月（默认最近一个已过报送期限的月份）逾期未报的在推项目及逾期工作日数（被退回修改的报告仍算未报，与报送提醒同一规则）。牵头单位、配合单位、管理员和纪委监委各读其范围内的。',
      en: 'The monthly reports the caller reads (by status, project or month; the office’s queue is status submitted), and the projects under way whose report for the month is late (by default the latest month past its deadline) with the working days late; a report returned for rework counts as not yet sent, as for the reminders. Lead units, co-units, admins and supervisors each read their own scope.',
    },
    signedIn: true,
  },
  'reformReport.create': {
    summary: { 'zh-CN': '填写月度进展', en: 'Start a monthly report' },
    description: {
      'zh-CN':
        '牵头单位工作人员为本单位项目起草某月的进展报告（草稿）：进展摘要、存在问题和各节点完成比例；月份须在项目期内，同一项目每月一份。报送期限为次月第五个工作日。写入审计日志。',
      en: 'The lead unit’s staff start a month’s report of their project as a draft: summary, problems and each milestone’s done share; the month lies within the project, one report a month. It is due on the fifth working day after the month. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'reformReport.read': {
    summary: { 'zh-CN': '月度进展详情', en: 'A monthly report' },
    description: {
      'zh-CN':
        '一份月报的全文、所报节点（附此前已完成比例）、佐证材料和当前用户可做的操作；无权查看的报告答未找到。',
      en: 'One report in full, its milestones (with what was done before), its evidence files and what the caller may do; a report the caller may not read is not found.',
    },
    signedIn: true,
  },
  'reformReport.update': {
    summary: { 'zh-CN': '修改月度进展', en: 'Edit a monthly report' },
    description: {
      'zh-CN':
        '牵头单位工作人员整体改写草稿或被退回的月报（文字和节点）；已报送或已通过的答状态不允许。写入审计日志。',
      en: 'The lead unit’s staff rewrite a draft or returned report whole, text and milestones; a submitted or approved one is refused for its state. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformReport.submit': {
    summary: { 'zh-CN': '报送月度进展', en: 'Submit a monthly report' },
    description: {
      'zh-CN':
        '牵头单位工作人员把草稿或被退回的月报报送改革办，超过报送期限的标记为逾期，并通知对牵头单位有管辖权的管理员；没有任何内容的报告不能报送（字段错误指向本月进展，必填）。写入审计日志。',
      en: 'The lead unit’s staff send a draft or returned report to the reform office, marked late past its deadline, and the admins over the lead unit are told; a report that says nothing cannot be sent (a field error names its summary as required). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'VALIDATION'],
  },
  'reformReport.approve': {
    summary: { 'zh-CN': '审核通过月报', en: 'Approve a monthly report' },
    description: {
      'zh-CN':
        '改革办审核通过已报送的月报：所报各节点完成比例成为节点的完成比例，项目和清单进度随之变化；通知牵头单位和相关建议的关注者。仅对牵头单位有管辖权的管理员；写入审计日志。',
      en: 'The reform office approves a submitted report: each milestone’s reported share becomes its done share, moving the project’s and list’s progress; the lead unit and the followers of the suggestions it came from are told. For the admin over the lead unit; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformReport.return': {
    summary: { 'zh-CN': '退回月报', en: 'Return a monthly report' },
    description: {
      'zh-CN':
        '改革办附退回理由把已报送的月报退回牵头单位修改，并通知牵头单位。仅对牵头单位有管辖权的管理员；写入审计日志。',
      en: 'The reform office sends a submitted report back with its reason for the lead unit to correct, and tells the lead unit. For the admin over the lead unit; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformEvidence.add': {
    summary: { 'zh-CN': '上传佐证材料', en: 'Add an evidence file' },
    description: {
      'zh-CN':
        '牵头单位工作人员为草稿或被退回的月报上传佐证材料（PDF、PNG、JPEG、Word 或 Excel，按文件内容识别类型）；报告已报送或通过时答状态不允许。写入审计日志。',
      en: 'The lead unit’s staff add an evidence file (PDF, PNG, JPEG, Word or Excel, recognised by its content) to a draft or returned report; a submitted or approved report is refused for its state. Audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INVALID_STATE'],
  },
  'reformEvidence.read': {
    summary: { 'zh-CN': '下载佐证材料', en: 'Download an evidence file' },
    description: {
      'zh-CN': '下载月报的一份佐证材料；仅能查看该月报的人员，其他人答未找到。',
      en: 'One evidence file of a report, to those who may read the report; to others it is not found.',
    },
    signedIn: true,
  },
  'reformEvidence.remove': {
    summary: { 'zh-CN': '删除佐证材料', en: 'Remove an evidence file' },
    description: {
      'zh-CN': '牵头单位工作人员在月报仍可修改（草稿或被退回）时删除一份佐证材料。写入审计日志。',
      en: 'The lead unit’s staff remove an evidence file while its report may still change (a draft or returned). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
};
