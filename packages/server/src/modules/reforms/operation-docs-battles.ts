import type { OperationDocs } from '../../openapi/operation-docs.js';

const office = {
  'zh-CN': '仅区委改革办（区级管理员）；写入审计日志。',
  en: 'For the district’s reform office (a district admin); audited.',
};

/** The key battles (十大攻坚战), the three-step plan, and the replicable cases. */
export const reformsBattleDocs: OperationDocs = {
  'reformBattle.list': {
    summary: { 'zh-CN': '十大攻坚战', en: 'Key battles' },
    description: {
      'zh-CN':
        '“三步走”计划和本人可读的攻坚战（阶段、关联项目、采纳的建议和综合进度）：管理员读其管辖范围内的，牵头单位读本单位的，纪委监委读其监督范围内的。',
      en: 'The three-step plan and the key battles the caller reads (phases, linked projects, adopted suggestions, progress): admins those in their scope, a lead unit its own, supervisors theirs.',
    },
    signedIn: true,
  },
  'reformBattle.create': {
    summary: { 'zh-CN': '新建攻坚战', en: 'Create a key battle' },
    description: {
      'zh-CN': `新建一场攻坚战：名称（不得重复）、目标、牵头单位、所属阶段和排序。${office['zh-CN']}`,
      en: `Opens a key battle: name (unique), goal, lead unit, step and order. ${office.en}`,
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformBattle.read': {
    summary: { 'zh-CN': '攻坚战详情', en: 'A key battle' },
    description: {
      'zh-CN': '一场攻坚战的阶段、关联项目（附台账进度）、采纳的建议和综合进度；无权查看的答未找到。',
      en: 'One key battle with its phases, linked projects (with their ledger progress), adopted suggestions and progress; one the caller may not read is not found.',
    },
    signedIn: true,
  },
  'reformBattle.update': {
    summary: { 'zh-CN': '修改攻坚战', en: 'Edit a key battle' },
    description: {
      'zh-CN': `修改攻坚战的名称、目标、牵头单位、所属阶段或排序；与其他攻坚战重名时答冲突。${office['zh-CN']}`,
      en: `Changes a battle’s name, goal, lead unit, step or order; another battle’s name is a conflict. ${office.en}`,
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformBattle.delete': {
    summary: { 'zh-CN': '删除攻坚战', en: 'Delete a key battle' },
    description: {
      'zh-CN': `删除攻坚战及其阶段和关联，关联的项目和建议本身保留。有群众建议列入其中时须说明理由（reason），各建议的公开进程写明撤销和理由，并通知其提交人、关注者和支持者；缺理由时退回（required）。${office['zh-CN']}`,
      en: `Removes a battle with its phases and links; the projects and suggestions themselves stay. With citizens’ suggestions under it the office gives a reason: each suggestion’s public timeline says so, and its author, followers and supporters are told; without one it is refused (required). ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.savePhases': {
    summary: { 'zh-CN': '保存攻坚阶段', en: 'Save a battle’s phases' },
    description: {
      'zh-CN': `按顺序整体替换攻坚战的阶段（名称、起止日期、目标、完成比例），结束早于开始的逐项退回。${office['zh-CN']}`,
      en: `Replaces a battle’s phases whole, in order (name, dates, target, share done); an end before a start is refused field by field. ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.linkProject': {
    summary: { 'zh-CN': '关联改革项目', en: 'Link a project' },
    description: {
      'zh-CN': `把台账中的一个改革项目纳入攻坚战，重复关联视为一次；项目不存在时退回。${office['zh-CN']}`,
      en: `Puts a ledger project under a battle; linking twice is linking once, and an unknown project is refused. ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.unlinkProject': {
    summary: { 'zh-CN': '取消关联项目', en: 'Unlink a project' },
    description: {
      'zh-CN': `把项目移出攻坚战（项目本身保留），未关联的项目不受影响。${office['zh-CN']}`,
      en: `Takes a project off a battle (the project stays); one not under it is left as it is. ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.linkSuggestion': {
    summary: { 'zh-CN': '关联采纳建议', en: 'Link an adopted suggestion' },
    description: {
      'zh-CN': `把大讨论中一条已采纳的建议纳入攻坚战，重复关联视为一次；非已采纳建议退回。新列入时写入建议的公开进程，并通知其提交人、关注者和支持者。${office['zh-CN']}`,
      en: `Puts an adopted campaign suggestion under a battle; linking twice is linking once, and a suggestion not adopted is refused. A suggestion newly under it has that on its public timeline, and its author, followers and supporters are told. ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.unlinkSuggestion': {
    summary: { 'zh-CN': '取消关联建议', en: 'Unlink a suggestion' },
    description: {
      'zh-CN': `把建议移出攻坚战（建议本身不变），未关联的不受影响。移出时须说明理由（reason），建议的公开进程写明移出和理由，并通知其提交人、关注者和支持者；缺理由时退回（required）。${office['zh-CN']}`,
      en: `Takes a suggestion off a battle (the suggestion is unchanged); one not under it is left as it is. The office gives a reason: the suggestion’s public timeline says so, and its author, followers and supporters are told; without one it is refused (required). ${office.en}`,
    },
    signedIn: true,
  },
  'reformBattle.adoptedSuggestions': {
    summary: { 'zh-CN': '检索可纳入的建议', en: 'Find adopted suggestions' },
    description: {
      'zh-CN': '按关键词检索大讨论中已采纳的建议，供纳入攻坚战；仅区委改革办（区级管理员）。',
      en: 'The campaign’s adopted suggestions matching the words, to put under a battle; for the district’s reform office.',
    },
    signedIn: true,
  },
  'reformPlan.save': {
    summary: { 'zh-CN': '设置三步走起始日', en: 'Set the three-step plan' },
    description: {
      'zh-CN': `设置“三步走”计划的起始日，一年起势、三年成势、五年胜势各阶段日期由此推算。${office['zh-CN']}`,
      en: `Sets the first day of the three-step plan; the dates of its steps (one, three and five years) follow from it. ${office.en}`,
    },
    signedIn: true,
  },
  'reformCase.list': {
    summary: { 'zh-CN': '改革经验案例', en: 'Reform cases' },
    description: {
      'zh-CN':
        '列出本人可读的案例（含草稿），最新发布在前：管理员读其管辖项目的，牵头单位读本单位项目的，纪委监委读其范围内的。',
      en: 'The cases the caller reads, drafts included, newest publication first: admins those of projects in their scope, a lead unit its projects’, supervisors theirs.',
    },
    signedIn: true,
  },
  'reformCase.create': {
    summary: { 'zh-CN': '新建案例', en: 'Create a case' },
    description: {
      'zh-CN':
        '把一个项目的做法写成可复制可推广经验案例（草稿）：标题（不得重复）、摘要、主要做法、成效和推广地；项目不存在时退回。仅对项目牵头单位有管辖权的管理员；写入审计日志。',
      en: 'Writes up a project’s practice as a replicable case, a draft: title (unique), summary, measures, results and where it was adopted; an unknown project is refused. For the admin over the project’s lead unit; audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformCase.read': {
    summary: { 'zh-CN': '案例详情', en: 'A case' },
    description: {
      'zh-CN': '一个案例的全文和状态（草稿或已发布）；无权查看的答未找到。',
      en: 'One case in full with its status (draft or published); one the caller may not read is not found.',
    },
    signedIn: true,
  },
  'reformCase.update': {
    summary: { 'zh-CN': '修改案例', en: 'Edit a case' },
    description: {
      'zh-CN':
        '修改草稿或已发布案例的文字和推广地，检索词随之更新；与其他案例重名时答冲突。仅对项目牵头单位有管辖权的管理员；写入审计日志。',
      en: 'Rewrites a case, draft or published, and its search words follow; another case’s title is a conflict. For the admin over the project’s lead unit; audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformCase.publish': {
    summary: { 'zh-CN': '发布案例', en: 'Publish a case' },
    description: {
      'zh-CN':
        '把草稿案例发布到公开案例库；已发布的答状态不允许。仅对项目牵头单位有管辖权的管理员；写入审计日志。',
      en: 'Publishes a draft case to the public library; one already published is refused for its state. For the admin over the project’s lead unit; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'reformCase.withdraw': {
    summary: { 'zh-CN': '撤回案例', en: 'Withdraw a case' },
    description: {
      'zh-CN':
        '把已发布的案例撤回为草稿，公开案例库不再显示；草稿答状态不允许。仅对项目牵头单位有管辖权的管理员；写入审计日志。',
      en: 'Takes a published case back to draft, off the public library; a draft is refused for its state. For the admin over the project’s lead unit; audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
};
