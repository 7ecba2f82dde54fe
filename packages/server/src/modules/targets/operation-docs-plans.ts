import type { OperationDocs } from '../../openapi/operation-docs.js';

const unit = {
  'zh-CN': '本单位部门工作人员或对其有管辖权的管理员',
  en: 'the unit’s department staff or the admin over it',
};
const reviewer = { 'zh-CN': '仅对该单位有管辖权的管理员', en: 'For the admin over the unit' };

/** Catch-up plans, quarterly reports and their evidence files, through the office's review. */
export const targetsPlanDocs: OperationDocs = {
  'plan.list': {
    summary: { 'zh-CN': '追赶计划列表', en: 'Catch-up plans' },
    description: {
      'zh-CN':
        '按年度、再按单位在单位树中的位置（同单位管理页的排序）和名称列出本人可读的追赶实施计划（可按年度、状态、单位筛选），联系人姓名和电话脱敏：区级管理员和纪委监委读全部，其他人读本人管辖或所在单位及下级的。',
      en: 'The catch-up plans the caller reads, by year, then by the unit’s place in the unit tree (as the units page orders it) and name (filtered by year, status and unit), liaison names and phones masked: district admins and supervisors read all, others their own unit’s subtree.',
    },
    signedIn: true,
  },
  'plan.create': {
    summary: { 'zh-CN': '新建追赶计划', en: 'Create a catch-up plan' },
    description: {
      'zh-CN': `为单位起草某年度的追赶实施计划（草稿）：联系人、联系电话和各指标的基期值、四个季度目标值、对标地区和标杆值、权重；每个单位每年一份，单位不存在时答未找到。${unit['zh-CN']}；写入审计日志。`,
      en: `Drafts a unit’s catch-up plan for a year: contact, phone and, per indicator, the base value, the four quarterly targets, the region benchmarked and its value, and a weight; one per unit and year, and an unknown unit is not found. For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'plan.read': {
    summary: { 'zh-CN': '追赶计划详情', en: 'A catch-up plan' },
    description: {
      'zh-CN':
        '一份计划的全部指标和当前用户可做的操作；联系人完整姓名和电话只给可修改该计划的人，其他人看到脱敏的；无权查看的答未找到。',
      en: 'One plan with its indicators and what the caller may do; the liaison’s full name and phone only to those who may edit the plan, masked to others; a plan the caller may not read is not found.',
    },
    signedIn: true,
  },
  'plan.update': {
    summary: { 'zh-CN': '修改追赶计划', en: 'Edit a catch-up plan' },
    description: {
      'zh-CN': `整体替换草稿或被退回计划的联系人、电话和指标；已报送或已通过的答状态不允许；须带上读取时的 updatedAt，此后计划已被他人修改的答冲突（代码 edited_meanwhile）。重新修改已通过后又被退回的计划时，去掉的指标在未发布季度报告中的填报值随之删除。${unit['zh-CN']}；写入审计日志。`,
      en: `Replaces a draft or returned plan’s contact, phone and indicators whole; a submitted or approved plan is refused for its state. It carries the updatedAt the plan was read with: a plan changed since is a conflict (code edited_meanwhile). When a reopened plan drops an indicator, its values in the plan’s reports of quarters not published are removed with it. For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'plan.submit': {
    summary: { 'zh-CN': '报送追赶计划', en: 'Submit a catch-up plan' },
    description: {
      'zh-CN': `把草稿或被退回的计划报送审核，计划须至少含一个指标，且联系人、电话及每个指标的基期值、四个季度目标、对标（地区或标杆值）和权重都已填写，否则以 VALIDATION 逐项列出缺项（如 items.3.base）。草稿中留空的数值保存为空，不记作 0。报送时按指标当下的方向再核对各季度目标，同时有人改了指标方向的，背离方向且未说明理由的目标被拒（代码 target_wrong_way、justification_required）。${unit['zh-CN']}；写入审计日志。`,
      en: `Sends a draft or returned plan for review; it needs at least one indicator, a contact and phone, and for each indicator its base, the four quarterly targets, a benchmark (a region or a value) and a weight, else VALIDATION lists each blank (e.g. items.3.base). A draft keeps blanks as null, never 0. The targets are checked again in the submission's transaction against the indicators' directions as they then stand: a direction changed meanwhile refuses the targets it turns the wrong way without a reason (codes target_wrong_way, justification_required). For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['VALIDATION', 'INVALID_STATE'],
  },
  'plan.approve': {
    summary: { 'zh-CN': '审核通过计划', en: 'Approve a catch-up plan' },
    description: {
      'zh-CN': `审核通过已报送的计划，此后单位可按季度报送。${reviewer['zh-CN']}；写入审计日志。`,
      en: `Approves a submitted plan; the unit then reports against it each quarter. ${reviewer.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'plan.return': {
    summary: { 'zh-CN': '退回追赶计划', en: 'Return a catch-up plan' },
    description: {
      'zh-CN': `附退回理由把已报送的计划退回单位修改。${reviewer['zh-CN']}；写入审计日志。`,
      en: `Sends a submitted plan back to the unit with the reason. ${reviewer.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'plan.reopen': {
    summary: { 'zh-CN': '退回已通过的计划', en: 'Reopen an approved catch-up plan' },
    description: {
      'zh-CN': `附理由把已通过的计划退回单位修改，单位修改后重新报送审核；重新通过前单位不能按此计划报送季度数据，其间计算的季度晾晒不含该单位。该年度已有季度晾晒发布的，不能退回（代码 plan_year_published）。${reviewer['zh-CN']}；写入审计日志。`,
      en: `Sends an approved plan back to the unit for revision with the reason; the unit edits and resubmits it. Until it is approved again the unit reports nothing against it and scorecards computed meanwhile leave it out. Refused once a quarter of the plan's year is published (code plan_year_published). ${reviewer.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'report.list': {
    summary: { 'zh-CN': '季度报送列表', en: 'Quarterly reports' },
    description: {
      'zh-CN':
        '按季度、再按单位在单位树中的位置和名称列出本人可读的季度报告（可按季度、单位、状态筛选）；指定季度且已过报送期限时，另列计划已通过却未报送的单位。范围同追赶计划。',
      en: 'The quarterly reports the caller reads, by quarter, then by the unit’s place in the unit tree and name (filtered by quarter, unit and status); for a quarter past its deadline, also the units with an approved plan that have not submitted. The scope is the plans’.',
    },
    signedIn: true,
  },
  'report.create': {
    summary: { 'zh-CN': '新建季度报告', en: 'Start a quarterly report' },
    description: {
      'zh-CN': `按已通过的计划起草某季度的报告（草稿），填写计划内指标的实际值和说明；季度须在计划年度内，每份计划每季一份，报送期限在新建时按设置确定。计划不存在或无权查看时答未找到，未通过时或该季度晾晒已发布时（字段 period、代码 quarter_published）答状态不允许。${unit['zh-CN']}；写入审计日志。`,
      en: `Drafts a quarter’s report against an approved plan, with the actual values of the plan’s indicators and notes; the quarter lies in the plan’s year, one per plan and quarter, and its deadline is fixed from the settings now. An unknown or unreadable plan is not found; one not approved, or a quarter whose scorecard is published (field period, code quarter_published), is refused for its state. For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE', 'CONFLICT'],
  },
  'report.read': {
    summary: { 'zh-CN': '季度报告详情', en: 'A quarterly report' },
    description: {
      'zh-CN': '一份季度报告的实际值（附本季目标值）、佐证材料和当前用户可做的操作；无权查看的答未找到。',
      en: 'One quarterly report’s values (each with the quarter’s target), its evidence files and what the caller may do; a report the caller may not read is not found.',
    },
    signedIn: true,
  },
  'report.update': {
    summary: { 'zh-CN': '填写季度数据', en: 'Edit a quarterly report' },
    description: {
      'zh-CN': `整体替换草稿或被退回报告的指标值（仅限计划内指标，每项一次）；已报送或已通过的答状态不允许；须带上读取时的 updatedAt，此后报告已被他人修改的答冲突（代码 edited_meanwhile）。${unit['zh-CN']}；写入审计日志。`,
      en: `Replaces a draft or returned report’s values whole (the plan’s indicators only, each once); a submitted or approved report is refused for its state. It carries the updatedAt the report was read with: a report changed since is a conflict (code edited_meanwhile). For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'report.submit': {
    summary: { 'zh-CN': '报送季度报告', en: 'Submit a quarterly report' },
    description: {
      'zh-CN': `报送草稿或被退回的季度报告，须至少填写一个指标值，且季度已经结束（按北京时间，否则 VALIDATION，字段 period、代码 quarter_not_ended；草稿随时可保存）；超过报送期限的标记为逾期；该季度晾晒已发布的不再接受报送（状态不允许，代码 quarter_published），计划已被退回修改的也不接受（代码 plan_not_approved）；检查之后报告又被保存的，清空了的答 report_empty，否则答 moved_meanwhile。已报送的报告即计入季度晾晒。${unit['zh-CN']}；写入审计日志。`,
      en: `Sends a draft or returned report for review; it needs at least one value and its quarter to have ended in China time (else VALIDATION, field period, code quarter_not_ended; a draft may be saved any time), and one sent after its deadline is flagged late; none is taken once the quarter’s scorecard is published (INVALID_STATE, code quarter_published) or while its plan is back with the unit for revision (code plan_not_approved); a report saved after the checks is refused with report_empty if the save emptied it, else moved_meanwhile. A submitted report counts in the quarter’s scorecard. For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['VALIDATION', 'INVALID_STATE'],
  },
  'report.approve': {
    summary: { 'zh-CN': '审核通过季度报告', en: 'Approve a quarterly report' },
    description: {
      'zh-CN': `审核通过已报送的季度报告；其计划已被退回修改的不能通过（状态不允许，字段 planId、代码 plan_not_approved），计划重新通过后再审核。${reviewer['zh-CN']}；写入审计日志。`,
      en: `Approves a submitted quarterly report; not while its plan is back with the unit for revision (INVALID_STATE, field planId, code plan_not_approved): it waits until the plan is approved again. ${reviewer.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'report.return': {
    summary: { 'zh-CN': '退回季度报告', en: 'Return a quarterly report' },
    description: {
      'zh-CN': `附退回理由把已报送的季度报告退回单位修改；被退回的报告不计入季度晾晒；该季度晾晒已发布的，其排名依据的报告不能退回（状态不允许，代码 report_ranked_published）。${reviewer['zh-CN']}；写入审计日志。`,
      en: `Sends a submitted report back to the unit with the reason; a returned report does not count in the scorecard. A report of a quarter whose scorecard is published stays as ranked (INVALID_STATE, code report_ranked_published). ${reviewer.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'report.workbook': {
    summary: { 'zh-CN': '下载报送表', en: 'Download the report form' },
    description: {
      'zh-CN':
        '把季度报告导出为 Excel 报送表：每个计划指标一行，附本季目标值和已填的实际值、说明，可填写后导入；文件名含单位和季度（如 指标填报-区发展改革委-2026年第4季度.xlsx），工作表以季度命名。能查看该报告的人员均可下载。',
      en: 'The quarterly report as an Excel form: one row per planned indicator with the quarter’s target and the values and notes so far, to fill in and import; the file is named by the unit and the quarter (Report-<unit>-Q4 2026.xlsx in English) and its sheet by the quarter. For anyone who reads the report.',
    },
    signedIn: true,
  },
  'report.import': {
    summary: { 'zh-CN': '导入报送表', en: 'Import the report form' },
    description: {
      'zh-CN': `从填好的 Excel 报送表整体替换报告的指标值，空值行不计，全部成功或全部不导入；报送表须是本报告的（每行注明季度和报告编号，其他报告的答 other_report，未注明的答 report_unidentified），报告已有值的指标留空的行报错（blank_removes_value，写入时在报告锁内按当时已有的值再核对一次），设为百分比格式的单元格按显示的百分数读取（计量单位为 % 的指标）；与表单填写同样校验权限、状态和计划指标，审计动作记为修改季度报告。${unit['zh-CN']}。`,
      en: `Replaces the report’s values from the filled-in Excel form, rows without a value left out, all or nothing. The form must be this report’s (each row names the quarter and the report: another report’s is other_report, none named is report_unidentified); an empty value where the report holds one is a row error (blank_removes_value, checked again as the import writes, under the report’s lock, against the values then held); a cell formatted as a percentage reads as the percent shown for an indicator measured in %. The same checks of right, state and planned indicators as the form, audited as a report update. For ${unit.en}.`,
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INVALID_STATE'],
  },
  'evidence.add': {
    summary: { 'zh-CN': '上传佐证材料', en: 'Add an evidence file' },
    description: {
      'zh-CN': `为草稿或被退回的季度报告上传佐证材料（PDF、PNG、JPEG、Word 或 Excel，按文件内容识别类型）；已报送或通过的答状态不允许。${unit['zh-CN']}；写入审计日志。`,
      en: `Adds an evidence file (PDF, PNG, JPEG, Word or Excel, recognised by its content) to a draft or returned report; a submitted or approved one is refused for its state. For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INVALID_STATE'],
  },
  'evidence.read': {
    summary: { 'zh-CN': '下载佐证材料', en: 'Download an evidence file' },
    description: {
      'zh-CN': '下载季度报告的一份佐证材料；仅能查看该报告的人员，其他人答未找到。',
      en: 'One evidence file of a quarterly report, to those who may read the report; to others it is not found.',
    },
    signedIn: true,
  },
  'evidence.remove': {
    summary: { 'zh-CN': '删除佐证材料', en: 'Remove an evidence file' },
    description: {
      'zh-CN': `在报告仍可修改（草稿或被退回）时删除一份佐证材料。${unit['zh-CN']}；写入审计日志。`,
      en: `Removes an evidence file while its report may still change (a draft or returned). For ${unit.en}; audited.`,
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
};
