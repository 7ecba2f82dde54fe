import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The public reform pages, and adoption from the campaign (采纳转化). */
export const reformsPublicDocs: OperationDocs = {
  'reformsPublic.summary': {
    summary: { 'zh-CN': '改革清单总览', en: 'Reform lists at a glance' },
    description: {
      'zh-CN':
        '公开各改革清单的项目数和完成进度（百分比），以及项目总数、推进中和申报中的试点数；不需要登录。',
      en: 'Each reform list’s number of projects and percent done, with the number of projects and of pilots under way and applying; no sign-in needed.',
    },
  },
  'reformsPublic.projects': {
    summary: { 'zh-CN': '公开改革项目列表', en: 'Public reform projects' },
    description: {
      'zh-CN':
        '按清单顺序、再按项目编号分页列出改革项目（编号、名称、牵头单位、当日进度和推进状态），可按清单筛选；不需要登录。',
      en: 'A page of reform projects in list order, then by code (code, name, lead unit, today’s progress and status), optionally of one list; no sign-in needed.',
    },
  },
  'reformsPublic.project': {
    summary: { 'zh-CN': '公开改革项目详情', en: 'A public reform project' },
    description: {
      'zh-CN':
        '一个改革项目的公开信息：所属清单、任务来源、配合单位、起止时间、改革目标、试点情况、各节点进度，来自的群众建议，以及已审核通过的月度进展摘要（其中数字已脱敏，单位上报的问题不公开）。',
      en: 'One project in public: its list, source, co-units, dates, goal, pilot, milestones with their progress, the campaign suggestions it came from, and the summaries of its approved monthly reports (numbers masked; the problems a unit reports are not shown).',
    },
  },
  'reformsPublic.battles': {
    summary: { 'zh-CN': '公开十大攻坚战', en: 'Public key battles' },
    description: {
      'zh-CN':
        '公开“三步走”计划的各阶段日期（未设置起始日时为空）和每场攻坚战的目标、牵头单位、阶段、关联项目、采纳的建议及综合进度；不需要登录。',
      en: 'The three-step plan’s dates (null before its start is set) and every key battle with its goal, lead unit, step, phases, linked projects, adopted suggestions and progress; no sign-in needed.',
    },
  },
  'reformsPublic.cases': {
    summary: { 'zh-CN': '改革经验案例库', en: 'Published reform cases' },
    description: {
      'zh-CN':
        '分页列出已发布的可复制可推广经验案例，最新发布在前；可按关键词分词检索（须命中全部词语）。不需要登录。',
      en: 'A page of the published replicable cases, newest first; a search matches cases holding every word of the query. No sign-in needed.',
    },
  },
  'reformsPublic.case': {
    summary: { 'zh-CN': '案例详情', en: 'A published case' },
    description: {
      'zh-CN':
        '一个已发布案例的全文：所属项目、牵头单位、摘要、主要做法、成效和推广地；草稿或撤回的案例答未找到。',
      en: 'One published case in full: its project, lead unit, summary, measures, results and where it was adopted; a draft or withdrawn case is not found.',
    },
  },
  'reformsPublic.learning': {
    summary: { 'zh-CN': '跳出黔江看黔江', en: 'Study visits in public' },
    description: {
      'zh-CN':
        '公开考察行程已结束的学习考察（目的地、主题、学到的做法及其启发的项目、心得体会，报告已报送的附报告摘要），考察团只公开人数和单位；以及已举办的学习讲座和参加人数。不公开任何姓名，文字中的手机号、身份证号已脱敏。',
      en: 'Study visits whose trip is over (destinations, topics, practices learned and the projects they inspired, insights, and the report’s summary once handed in), the delegation only as its size and units; and the learning sessions held with how many attended. No name is shown, and phone and ID numbers in the text are masked.',
    },
  },
  'reformsPublic.suggestion': {
    summary: { 'zh-CN': '建议转化的改革', en: 'Reforms a suggestion became' },
    description: {
      'zh-CN':
        '供建议公开页使用：该建议转化成的改革项目（牵头单位、当日进度、推进状态）和攻坚战；未转化的建议答空列表。',
      en: 'For a suggestion’s public page: the reform projects (lead unit, today’s progress, status) and key battles it became; empty lists for one that became none.',
    },
  },
  'reformAdoption.list': {
    summary: { 'zh-CN': '检索已采纳建议', en: 'Search adopted suggestions' },
    description: {
      'zh-CN':
        '按关键词检索大讨论中已采纳的建议及其支持数、已转化的项目和攻坚战，供改革办转化；限管理员（改革办）。',
      en: 'Adopted campaign suggestions matching the words, with their supports and the projects and battles they already became, for the reform office to take up; for admins (the reform office).',
    },
    signedIn: true,
  },
  'reformAdoption.linkProject': {
    summary: { 'zh-CN': '建议转入已有项目', en: 'Adopt into a project' },
    description: {
      'zh-CN':
        '把一条已采纳的建议关联到管辖范围内的已有改革项目（每对只能关联一次），写入建议时间线并通知建议人和关注者。仅对项目牵头单位有管辖权的管理员；写入审计日志。',
      en: 'Links an adopted suggestion to an existing project in the admin’s scope (once per pair); the suggestion’s timeline, author and followers are told. For the admin over the project’s lead unit; audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'reformAdoption.createProject': {
    summary: { 'zh-CN': '建议转为新项目', en: 'Adopt as a new project' },
    description: {
      'zh-CN':
        '为一条已采纳的建议新建改革项目（字段与新建项目相同，牵头单位须在本人管辖范围内）并关联，通知建议人和关注者以及牵头单位工作人员；项目编号已被占用时答冲突。写入审计日志。',
      en: 'Creates a reform project for an adopted suggestion (the same fields as any project, led by a unit in the admin’s scope) and links it, telling the suggestion’s author and followers and the lead unit’s staff; a code in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'reformAdoption.linkBattle': {
    summary: { 'zh-CN': '建议纳入攻坚战', en: 'Adopt into a key battle' },
    description: {
      'zh-CN':
        '把一条已采纳的建议作为某场攻坚战的任务（每对只能一次），写入建议时间线并通知建议人和关注者。仅区委改革办（区级管理员）；写入审计日志。',
      en: 'Makes an adopted suggestion a task of a key battle (once per pair); the suggestion’s timeline, author and followers are told. For the district’s reform office (a district admin); audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
};
