import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Study visits and learning sessions (跳出黔江看黔江). */
export const reformsStudyDocs: OperationDocs = {
  'reformStudy.list': {
    summary: { 'zh-CN': '学习考察列表', en: 'Study visits' },
    description: {
      'zh-CN':
        '列出学习考察，行程最新的在前，附考察团人数、学到的做法数、心得数和是否已上传报告文件；全区干部（外部评审专家除外的各类工作人员）可读。',
      en: 'The study visits, newest trip first, with the delegation’s size, the practices and insights counted and whether the report file is uploaded; for every cadre (each staff role but the campaign’s outside experts).',
    },
    signedIn: true,
  },
  'reformStudy.create': {
    summary: { 'zh-CN': '安排学习考察', en: 'Plan a study visit' },
    description: {
      'zh-CN':
        '安排一次学习考察：标题、组织单位、目的地、起止日期、考察主题和考察团成员（姓名、单位，有账号的附账号）。所列单位在提交期间被删除的答冲突（指明字段，代码 unknown_unit）。仅对组织单位有管辖权的管理员（改革办）；写入审计日志。',
      en: 'Plans a study visit: title, organising unit, destinations, dates, topics and delegation (each member a name and a unit, with an account where there is one). A unit named that is deleted from the tree meanwhile is a conflict naming the field (unknown_unit). For the admin over the organising unit (the reform office); audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformStudy.read': {
    summary: { 'zh-CN': '学习考察详情', en: 'A study visit' },
    description: {
      'zh-CN':
        '一次考察的安排、考察团、学到的做法（及其启发的项目）、心得体会、学习报告及当前用户可做的操作；全区干部可读。',
      en: 'One visit’s plan, delegation, practices learned (with the projects they inspired), insights, learning report and what the caller may do; for every cadre.',
    },
    signedIn: true,
  },
  'reformStudy.update': {
    summary: { 'zh-CN': '修改考察安排', en: 'Edit a study visit' },
    description: {
      'zh-CN':
        '修改考察的标题、组织单位、目的地、日期、主题或考察团；改到其他组织单位须对新旧单位都有管辖权，结束日期不得早于开始日期。考察确认完成后，其安排即为行程记录，不能再修改（visit_done）；所列单位在提交期间被删除的答冲突（unknown_unit）。仅对组织单位有管辖权的管理员（改革办）；写入审计日志。',
      en: 'Changes a visit’s title, unit, destinations, dates, topics or delegation; moving it to another unit needs the admin over both, and the end stays on or after the start. Once the trip is recorded done its plan is the trip’s record and is no longer changed (visit_done); a unit named that is deleted from the tree meanwhile is a conflict (unknown_unit). For the admin over the organising unit (the reform office); audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'reformStudy.complete': {
    summary: { 'zh-CN': '确认考察完成', en: 'Record the trip done' },
    description: {
      'zh-CN':
        '把已安排的考察标记为已完成考察，之后可记录学习成果；非“已安排”状态答状态不允许。组织单位工作人员或改革办；写入审计日志。',
      en: 'Marks a planned visit’s trip done, after which its learning is recorded; a visit not planned is refused for its state. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudy.saveLearning': {
    summary: { 'zh-CN': '记录学习成果', en: 'Save what was learned' },
    description: {
      'zh-CN':
        '整体保存已完成考察带回的成果：学到的做法（须来自考察目的地，可关联启发的改革项目）、心得体会和学习报告摘要；考察未完成或已报送报告时答状态不允许。组织单位工作人员或改革办；写入审计日志。',
      en: 'Saves whole what a done visit brought back: practices learned (each from one of its destinations, linked to the projects it inspired), insights and the learning report’s summary; a visit not done, or already reported, is refused for its state. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudy.report': {
    summary: { 'zh-CN': '报送学习报告', en: 'Hand in the learning report' },
    description: {
      'zh-CN':
        '报送考察的学习报告，须已上传报告文件并填写摘要（缺哪项即指出哪项），之后做法不再修改。考察须为已完成状态；组织单位工作人员或改革办；写入审计日志。',
      en: 'Hands in the visit’s learning report, which needs its file and its summary (a missing one is named); the practices then stop changing. The visit must be done; for the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudy.linkProjects': {
    summary: { 'zh-CN': '关联启发的项目', en: 'Link inspired projects' },
    description: {
      'zh-CN':
        '设置一条学到的做法所启发的改革项目（整体替换）；报告报送后仍可关联，因为项目常在之后才立项。组织单位工作人员或改革办；写入审计日志。',
      en: 'Sets the reform projects a practice inspired (replacing the list); it stays open after the report is in, as projects often start later. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
  },
  'reformStudy.projectPractices': {
    summary: { 'zh-CN': '启发项目的做法', en: 'Practices behind a project' },
    description: {
      'zh-CN': '供项目页显示：启发该改革项目的考察做法及其来源地和所属考察，最近的考察在前；全区干部可读。',
      en: 'For a project’s page: the practices from study visits that inspired it, with their place and visit, latest visit first; for every cadre.',
    },
    signedIn: true,
  },
  'reformStudyReport.add': {
    summary: { 'zh-CN': '上传学习报告', en: 'Upload the learning report' },
    description: {
      'zh-CN':
        '上传考察的学习报告文件（PDF 或 Word，按文件内容识别类型），每次考察一份，已有时须先删除；仅在考察已完成、报告未报送时。组织单位工作人员或改革办；写入审计日志。',
      en: 'Uploads the visit’s learning report (PDF or Word, recognised by its content), one per visit, so a second is a conflict until the first is removed; only while the visit is done and not yet reported. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT', 'INVALID_STATE'],
  },
  'reformStudyReport.read': {
    summary: { 'zh-CN': '下载学习报告', en: 'Download the learning report' },
    description: {
      'zh-CN': '下载考察的学习报告文件；全区干部可读，其他人答未找到。',
      en: 'The visit’s learning report file, for every cadre; to others it is not found.',
    },
    signedIn: true,
  },
  'reformStudyReport.remove': {
    summary: { 'zh-CN': '删除学习报告', en: 'Remove the learning report' },
    description: {
      'zh-CN':
        '在报告报送前删除已上传的学习报告文件；已报送的答状态不允许。组织单位工作人员或改革办；写入审计日志。',
      en: 'Removes the uploaded report file before the report is handed in; once handed in it is refused for its state. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudySession.list': {
    summary: { 'zh-CN': '学习讲座列表', en: 'Learning sessions' },
    description: {
      'zh-CN': '列出干部学习讲座，最近的在前，附参加人数和本人是否参加；全区干部可读。',
      en: 'The learning sessions for cadres, latest first, with how many attended and whether the caller did; for every cadre.',
    },
    signedIn: true,
  },
  'reformStudySession.create': {
    summary: { 'zh-CN': '安排学习讲座', en: 'Plan a learning session' },
    description: {
      'zh-CN':
        '安排一场干部学习讲座：标题、组织单位、线上或线下、日期和起止时间（北京时间）、地点、授课人和主题。仅对组织单位有管辖权的管理员（改革办）；写入审计日志。',
      en: 'Plans a learning session for cadres: title, organising unit, online or offline, day and hours (Beijing time), place, teacher and topic. For the admin over the organising unit (the reform office); audited.',
    },
    signedIn: true,
  },
  'reformStudySession.read': {
    summary: { 'zh-CN': '学习讲座详情', en: 'A learning session' },
    description: {
      'zh-CN': '一场讲座的安排、参加人员名单、学习材料和当前用户可做的操作；全区干部可读。',
      en: 'One session’s plan, its attendees by name, its materials and what the caller may do; for every cadre.',
    },
    signedIn: true,
  },
  'reformStudySession.update': {
    summary: { 'zh-CN': '修改讲座安排', en: 'Edit a learning session' },
    description: {
      'zh-CN':
        '修改讲座的安排，结束时间须晚于开始时间；改到其他组织单位须对新旧单位都有管辖权。仅对组织单位有管辖权的管理员（改革办）；写入审计日志。',
      en: 'Changes a session’s plan; the end stays after the start, and moving it to another unit needs the admin over both. For the admin over the organising unit (the reform office); audited.',
    },
    signedIn: true,
  },
  'reformStudySession.saveAttendance': {
    summary: { 'zh-CN': '登记参加人员', en: 'Take the register' },
    description: {
      'zh-CN':
        '组织者整体登记参加讲座的干部（须为干部账号），已登记者保留原登记人和时间；讲座当天或之后才能登记，之前答状态不允许。组织单位工作人员或改革办；写入审计日志。',
      en: 'The organiser records the cadres who attended, sent whole (each a cadre’s account); marks already there keep who made them and when. Only on or after the session’s day, else refused for its state. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudySession.attend': {
    summary: { 'zh-CN': '本人签到', en: 'Mark my attendance' },
    description: {
      'zh-CN':
        '干部登记或取消本人参加讲座，讲座当天或之后才能登记，之前答状态不允许。全区干部；写入审计日志。',
      en: 'A cadre marks or unmarks their own attendance, on or after the session’s day, else refused for its state. For every cadre; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformStudySession.cadres': {
    summary: { 'zh-CN': '可登记的干部', en: 'Cadres for the register' },
    description: {
      'zh-CN': '列出持有干部角色的启用账号，供组织者登记参加人员；仅讲座组织者（组织单位工作人员或管理员）。',
      en: 'The enabled accounts holding a cadre’s role, for an organiser to take the register; for organisers (a unit’s staff or admins).',
    },
    signedIn: true,
  },
  'reformStudyMaterial.add': {
    summary: { 'zh-CN': '上传学习材料', en: 'Add a session material' },
    description: {
      'zh-CN':
        '为讲座上传学习材料（课件、讲义、案例；PDF、Word、PNG 或 JPEG，按文件内容识别类型）。组织单位工作人员或改革办；上传期间讲座改由其他单位组织的，原单位的上传被拒绝（403）。写入审计日志。',
      en: 'Adds a material to a session (slides, handouts, cases taught; PDF, Word, PNG or JPEG, recognised by its content). For the organising unit’s staff or the office; a session handed to another unit while the file was on its way refuses the unit it was taken from (403). Audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'reformStudyMaterial.read': {
    summary: { 'zh-CN': '下载学习材料', en: 'Download a session material' },
    description: {
      'zh-CN': '下载讲座的一份学习材料；全区干部可读，其他人答未找到。',
      en: 'One material of a session, for every cadre; to others it is not found.',
    },
    signedIn: true,
  },
  'reformStudyMaterial.remove': {
    summary: { 'zh-CN': '删除学习材料', en: 'Remove a session material' },
    description: {
      'zh-CN': '删除讲座的一份学习材料。组织单位工作人员或改革办；写入审计日志。',
      en: 'Removes a material of a session. For the organising unit’s staff or the office; audited.',
    },
    signedIn: true,
  },
};
