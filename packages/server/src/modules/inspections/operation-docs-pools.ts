import type { OperationDocs } from '../../openapi/operation-docs.js';

const upload = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const;

/** The lists a draw reads (items, inspectors, firms' risk levels), their spreadsheets, and the tasks. */
export const inspectionPoolDocs: OperationDocs = {
  'inspectionItem.list': {
    summary: { 'zh-CN': '检查事项清单', en: 'Inspection items' },
    description: {
      'zh-CN':
        '分页列出各部门的检查事项（编码、名称、执法依据、所需资格、预计时长），可按部门筛选；区级管理员、部门工作人员和纪委可查看。',
      en: 'The departments’ inspection items, paged (code, name, legal basis, qualification, expected minutes), optionally for one department; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspectionItem.create': {
    summary: { 'zh-CN': '新增检查事项', en: 'Add an inspection item' },
    description: {
      'zh-CN':
        '部门工作人员为本部门（区级管理员为其管辖范围内的部门）新增一项检查事项；编码全区唯一，重复时答冲突。写入审计日志。',
      en: 'Department staff add an item to their department’s list (the office to any department in its scope); a code is unique across the district, and a taken one is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionItem.update': {
    summary: { 'zh-CN': '修改检查事项', en: 'Change an inspection item' },
    description: {
      'zh-CN':
        '修改一项检查事项；改到其他部门时须对新旧两个部门都有权限，改成已被使用的编码时答冲突。写入审计日志。',
      en: 'Changes an inspection item; moving it to another department needs both departments in the caller’s scope, and a code already used is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionItem.delete': {
    summary: { 'zh-CN': '删除检查事项', en: 'Remove an inspection item' },
    description: {
      'zh-CN': '删除管辖范围内部门尚未被任何抽查任务使用的检查事项；已被任务引用的答冲突。写入审计日志。',
      en: 'Removes an item of a department in the caller’s scope that no random-draw task names yet; one a task uses is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionItem.export': {
    summary: { 'zh-CN': '导出检查事项', en: 'Export inspection items' },
    description: {
      'zh-CN': '把全部检查事项导出为 Excel，列与导入模板一致；区级管理员、部门工作人员和纪委可用。',
      en: 'Every inspection item as an Excel workbook with the import’s columns; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspectionItem.template': {
    summary: { 'zh-CN': '检查事项导入模板', en: 'Item import template' },
    description: {
      'zh-CN': '下载检查事项清单的 Excel 导入模板，附一行示例。',
      en: 'The Excel template for importing inspection items, with one example row.',
    },
    signedIn: true,
  },
  'inspectionItem.import': {
    summary: { 'zh-CN': '导入检查事项', en: 'Import inspection items' },
    description: {
      'zh-CN':
        '按编码导入检查事项，全部成功或全部不导入：任一行有误即整表退回，并按行列列出全部问题。部门只能导入本部门的事项；已有编码仅更新有变化的字段。写入审计日志。',
      en: 'Imports inspection items by code, all or nothing: one bad row returns the whole file with every problem by row and column. A department imports only its own items; known codes change only where they differ. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', ...upload],
  },
  'inspector.list': {
    summary: { 'zh-CN': '执法人员名录', en: 'Inspectors' },
    description: {
      'zh-CN':
        '分页列出执法检查人员（姓名脱敏）及其部门、执法资格、工作日、申报的回避企业和在岗状态，可按部门筛选；区级管理员、部门工作人员和纪委可查看。',
      en: 'The inspectors, paged (names masked), with department, qualifications, working days, declared conflicts and whether active, optionally for one department; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspector.create': {
    summary: { 'zh-CN': '登记执法人员', en: 'Enrol an inspector' },
    description: {
      'zh-CN':
        '部门工作人员（或区级管理员）按登录名把一个账号登记为其管辖部门的执法检查人员，填写资格、工作日和须回避的企业；账号须存在且未停用，且须是该部门（或其下属机构）的工作人员账号，市民、企业或其他部门的账号不能登记；已登记过的答冲突。写入审计日志。',
      en: 'Department staff (or the office) enrol an account, by login name, as an inspector of a department in their scope, with qualifications, working days and firms to avoid; the account must exist, be enabled and be a staff account of that department (or of one of its offices), never a citizen’s, a firm’s or another department’s; one already enrolled is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspector.update': {
    summary: { 'zh-CN': '修改执法人员', en: 'Change an inspector' },
    description: {
      'zh-CN':
        '修改执法人员的部门、资格、工作日、回避企业或在岗状态；调往其他部门须对新旧部门都有权限。写入审计日志。',
      en: 'Changes an inspector’s department, qualifications, working days, conflicts or standing; a move to another department needs both in the caller’s scope. Audited.',
    },
    signedIn: true,
  },
  'inspector.export': {
    summary: { 'zh-CN': '导出执法人员', en: 'Export inspectors' },
    description: {
      'zh-CN': '把执法人员名录导出为 Excel（姓名脱敏，回避企业以统一社会信用代码列出），列与导入模板一致。',
      en: 'The inspectors as an Excel workbook (names masked, conflicts by unified social credit code), with the import’s columns.',
    },
    signedIn: true,
  },
  'inspector.template': {
    summary: { 'zh-CN': '执法人员导入模板', en: 'Inspector import template' },
    description: {
      'zh-CN': '下载执法人员名录的 Excel 导入模板，附一行示例。',
      en: 'The Excel template for importing inspectors, with one example row.',
    },
    signedIn: true,
  },
  'inspector.import': {
    summary: { 'zh-CN': '导入执法人员', en: 'Import inspectors' },
    description: {
      'zh-CN':
        '按登录名导入执法人员，全部成功或全部不导入，任一行有误即整表退回并列出全部问题；部门只能导入本部门的人员。写入审计日志。',
      en: 'Imports inspectors by login name, all or nothing: one bad row returns the file with every problem; a department imports only its own inspectors. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', ...upload],
  },
  'inspectionFirm.list': {
    summary: { 'zh-CN': '企业风险等级', en: 'Firms’ risk levels' },
    description: {
      'zh-CN':
        '分页列出已定风险等级的企业及不宜检查的日期，可按等级筛选，并说明当前用户能否调整；区级管理员、部门工作人员和纪委可查看。',
      en: 'The firms with a risk level and the dates they cannot be visited, paged and optionally by level, with whether the caller may change them; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspectionFirm.riskCounts': {
    summary: { 'zh-CN': '各风险等级企业数', en: 'Firms per risk level' },
    description: {
      'zh-CN': '高、中、低风险等级各有多少家企业，即抽查任务可抽取的企业库规模。',
      en: 'How many firms each risk level (high, medium, low) holds: the pools a random-draw task draws from.',
    },
    signedIn: true,
  },
  'inspectionFirm.setRisk': {
    summary: { 'zh-CN': '设定风险等级', en: 'Set a firm’s risk level' },
    description: {
      'zh-CN':
        '区级管理员设定企业的风险等级（分级分类）和不宜上门检查的日期，企业须在企业库中。计划草稿已安排检查该企业的日期须先改期，才能设为不宜检查日期；已发布计划的检查日期照旧。写入审计日志。',
      en: 'The district office sets a firm’s risk level and the dates it cannot be visited; the firm must be in the registry. A date on which a draft plan visits the firm is refused as a new blocked date until that visit is moved; a published plan’s visit stays as told. Audited.',
    },
    signedIn: true,
  },
  'inspectionTask.list': {
    summary: { 'zh-CN': '抽查任务', en: 'Random-draw tasks' },
    description: {
      'zh-CN':
        '分页列出双随机抽查任务及其状态（草稿、已公告、已抽取），可按状态筛选；区级管理员、部门工作人员和纪委可查看。',
      en: 'The random-draw tasks, paged, with their state (draft, announced, drawn), optionally of one state; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspectionTask.create': {
    summary: { 'zh-CN': '新建抽查任务', en: 'Define a task' },
    description: {
      'zh-CN':
        '一个或多个部门（联合任务须对每个部门都有权限）定义抽查任务：检查事项、各风险等级抽取企业数、每组人数和所需资格；现有企业库或人员库无法满足时当即退回并说明原因。写入审计日志。',
      en: 'One department or several (a joint task needs each in the caller’s scope) define a task: the items, how many firms of each risk level, the team size and qualifications; a task the pools cannot serve is refused now, with the reason. Audited.',
    },
    signedIn: true,
  },
  'inspectionTask.read': {
    summary: { 'zh-CN': '查看抽查任务', en: 'Read a task' },
    description: {
      'zh-CN':
        '一项抽查任务的部门、检查事项、抽取规则、公告的种子哈希，抽取后还有种子和抽取结果，并说明当前用户可做的操作。',
      en: 'A task’s departments, items and rules, the published seed hash and, once drawn, the seed and the result, with what the caller may do.',
    },
    signedIn: true,
  },
  'inspectionTask.delete': {
    summary: { 'zh-CN': '删除抽查任务', en: 'Remove a task' },
    description: {
      'zh-CN': '删除尚未公告的任务；已公告的任务已经公开，不能删除。写入审计日志。',
      en: 'Removes a task not yet announced; an announced task is public and stays. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionTask.announce': {
    summary: { 'zh-CN': '公告抽查任务', en: 'Announce a task' },
    description: {
      'zh-CN':
        '冻结企业库和人员库作为抽取输入，生成随机种子并保密保存，公开其 SHA-256 哈希；公告后种子与哈希不可再改，只能公告一次。写入审计日志。',
      en: 'Freezes the pools into the draw’s input, keeps a random seed unseen and publishes its SHA-256; afterwards neither can change, and a task is announced once. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionTask.draw': {
    summary: { 'zh-CN': '执行抽取', en: 'Draw a task' },
    description: {
      'zh-CN':
        '用公告时保存的种子（先与已公开的哈希核对）对冻结的输入执行抽取，公开种子和结果，任何人可据此复算（一公开）；未公告或已抽取的任务不能抽取。写入审计日志。',
      en: 'Draws the frozen input with the seed kept since the announcement (checked against its published hash) and makes the seed and result public, so anyone can recompute it; a task not announced, or drawn already, cannot be drawn. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
};
