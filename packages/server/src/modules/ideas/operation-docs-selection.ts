import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The shortlist (入围), expert review, the honour lists and adoption as department actions (采纳). */
export const selectionIdeaDocs: OperationDocs = {
  'selection.actions': {
    summary: { 'zh-CN': '结果与名单：可用部分', en: 'Results and lists: the parts open to the caller' },
    description: {
      'zh-CN':
        '调用者可使用“结果与名单”的哪些部分：入围名单（区级管理员；组织员限本人辖区镇街）、评审结果（区级管理员）、三张榜单（区级管理员）。三者都不可用时拒绝。',
      en: 'Which parts of Results and lists the caller may use: the shortlist (admins; organisers for the towns of their own units), the review results (admins) and the three honour lists (admins). Refused when none is open.',
    },
    signedIn: true,
  },
  'shortlist.read': {
    summary: { 'zh-CN': '入围名单', en: 'Shortlist' },
    description: {
      'zh-CN':
        '当期大讨论已通过初筛的建议中，按相似建议分组热度和各领域名额提出的入围建议与实际入围名单的对照，可按视图、领域和标题关键词筛选，附各领域统计和评审进度；管理员和组织员只看到本人辖区镇街的建议。',
      en: 'Of the current campaign’s accepted suggestions, the shortlist proposed by group heat and each domain’s quota beside the actual shortlist, filtered by view, domain and title words, with counts per domain and review progress; admins and organisers see the towns of their own units.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'shortlist.apply': {
    summary: { 'zh-CN': '采用入围建议', en: 'Apply the proposal' },
    description: {
      'zh-CN':
        '区级管理员把提议的建议全部列入入围名单；选择替换时，同时撤下其他入围建议（已分配给专家评审的保留）。写入审计日志。',
      en: 'The district office puts every proposed suggestion on the shortlist; with replace, it also takes every other one off, except those already given to experts. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'shortlist.edit': {
    summary: { 'zh-CN': '调整入围名单', en: 'Edit the shortlist' },
    description: {
      'zh-CN':
        '管理员或组织员把本辖区的建议列入或撤出入围名单：只有已通过初筛的可列入，已有专家评分的不能撤出，任何一条不符整批拒绝。写入审计日志。',
      en: 'An admin or organiser puts suggestions of their towns on the shortlist or takes them off: only accepted ones go on, none an expert has scored comes off, and one that does not fit refuses the batch. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'shortlist.export': {
    summary: { 'zh-CN': '导出入围名单', en: 'Export the shortlist' },
    description: {
      'zh-CN':
        '以 Excel 导出调用者辖区内的入围建议，每条一行，含领域和评审进度；供管理员和组织员使用，按请求语言生成表头。',
      en: 'The shortlisted suggestions of the caller’s towns as an Excel workbook, one row each with domain and review progress; for admins and organisers, headings in the request’s language.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'review.assign': {
    summary: { 'zh-CN': '分配评审', en: 'Assign reviews' },
    description: {
      'zh-CN':
        '管理员把入围名单中的建议分配给专家：每条 k 位（评分分歧大的多一位），负担轻的专家优先且不超过每人上限；不分给作者本人、同一镇街的专家或声明回避该单位的专家。撤下已不在入围名单上的未评分配。没有专家或入围名单为空时拒绝。写入审计日志。',
      en: 'An admin gives the shortlisted suggestions to experts: k each (one more where the scores so far disagree), the least loaded first and none over the cap per expert; never to the author, an expert of the same town, or one who declared a conflict with it. Unscored assignments of suggestions no longer shortlisted are dropped. Refused without experts or with an empty shortlist. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
  'review.progress': {
    summary: { 'zh-CN': '评审进度', en: 'Review progress' },
    description: {
      'zh-CN': '当期大讨论中每位专家已分配和已完成的评审数，按姓名排序；供管理员使用。',
      en: 'Per expert, the reviews assigned and done in the current campaign, by name; for admins.',
    },
    signedIn: true,
  },
  'review.results': {
    summary: { 'zh-CN': '评审结果', en: 'Review results' },
    description: {
      'zh-CN':
        '当期大讨论的评审排名：按所选方法（标准分 z 值或去掉一个最高分和一个最低分的平均分，默认用本期设定的方法），列出各建议标题和领域、分歧较大的建议，以及整体评审一致性（Krippendorff α）；供管理员使用。',
      en: 'The current campaign’s review ranking by the method asked for (mean z-score or trimmed mean, by default the campaign’s), each suggestion by title and domain, the disputed ones, and the agreement of the whole review (Krippendorff’s alpha); for admins.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'review.mine': {
    summary: { 'zh-CN': '我的评审任务', en: 'My reviews' },
    description: {
      'zh-CN':
        '专家本人在当期大讨论中的评审任务（盲评：只有标题、正文和领域，号码已遮盖），未评的在前，附已评分数和意见及完成数。',
      en: 'The signed-in expert’s assignments in the current campaign, blind (title, body and domain only, numbers masked), unscored first, with the scores and comments given and the count done.',
    },
    signedIn: true,
  },
  'review.submit': {
    summary: { 'zh-CN': '提交评分', en: 'Submit scores' },
    description: {
      'zh-CN':
        '专家为分配给本人的一条建议按该建议所属活动的评分细则逐项打分并可附意见，按权重算出总分；须给每一项打分，可重新提交覆盖原分。未分配给本人的答未找到；建议已不在评审中，或已被发布的金点子榜单收录的，拒绝。写入审计日志。',
      en: 'An expert scores a suggestion assigned to them on every criterion of the rubric of the suggestion’s campaign, with an optional comment; the weighted total is returned. Every criterion must be scored; scoring again replaces the scores. One not assigned to them is not found; one no longer under review, or held by a published idea list, is refused. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'review.conflicts': {
    summary: { 'zh-CN': '我的回避声明', en: 'My declared conflicts' },
    description: {
      'zh-CN': '专家本人声明需要回避的单位及名称。',
      en: 'The units the signed-in expert declared a conflict with, by name.',
    },
    signedIn: true,
  },
  'review.declareConflict': {
    summary: { 'zh-CN': '声明回避', en: 'Declare a conflict' },
    description: {
      'zh-CN':
        '专家声明与某单位有利害关系：该单位及其下级单位的建议不再分给本人，已分配未评分的随即撤回。写入审计日志。',
      en: 'An expert declares a conflict with a unit: suggestions of it and the units below are no longer theirs, and their unscored assignments there are released. Audited.',
    },
    signedIn: true,
  },
  'review.withdrawConflict': {
    summary: { 'zh-CN': '撤回回避声明', en: 'Withdraw a conflict' },
    description: {
      'zh-CN':
        '专家撤回误报的回避声明；此前撤回的分配不会恢复，下次分配时可重新分出。未声明过的答未找到。写入审计日志。',
      en: 'An expert withdraws a conflict declared by mistake; the assignments it released are not restored, the next assignment may give them out again. One not declared is not found. Audited.',
    },
    signedIn: true,
  },
  'list.list': {
    summary: { 'zh-CN': '榜单管理', en: 'Honour lists (staff)' },
    description: {
      'zh-CN': '当期大讨论的十大金点子、十大好点子和十大难题榜单（含草稿和已公布的）及其条目；供管理员使用。',
      en: 'The current campaign’s honour lists (golden ideas, good ideas, hard problems), drafts and published, with their entries; for admins.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'list.candidates': {
    summary: { 'zh-CN': '榜单候选', en: 'List candidates' },
    description: {
      'zh-CN':
        '一种榜单的候选：金点子、好点子按本期评审方法的排名取已通过或已采纳的建议（金点子取前列，好点子取其后）；难题取已通过或已采纳建议聚类后热度最高的若干组。供管理员使用。',
      en: 'Candidates for one list: golden and good ideas are accepted or adopted suggestions by the campaign’s review ranking (golden from the top, good after them); hard problems are the hottest clusters of the accepted or adopted suggestions. For admins.',
    },
    signedIn: true,
  },
  'list.save': {
    summary: { 'zh-CN': '保存榜单草稿', en: 'Save a list draft' },
    description: {
      'zh-CN':
        '管理员保存一种榜单的条目、名次和推荐语（整体替换草稿）：条目数不超过本期名额，名次不重复，建议须属当期；已公布的榜单不能再改。写入审计日志。',
      en: 'An admin saves a list’s entries, ranks and citations, replacing the draft: no more entries than the campaign allows, no rank twice, suggestions of the current campaign only; a published list cannot change. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'list.publish': {
    summary: { 'zh-CN': '公布榜单', en: 'Publish a list' },
    description: {
      'zh-CN':
        '管理员公布一种已有条目的榜单，并通知入榜建议的作者和关注者；没有条目或已公布的拒绝。公布后只能撤销个别条目。写入审计日志。',
      en: 'An admin publishes a list that has entries and its suggestions’ authors and followers are told; one without entries or already published is refused. Once published, an entry can only be withdrawn. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'list.withdrawEntry': {
    summary: { 'zh-CN': '撤销已公布榜单的条目', en: 'Withdraw an entry from a published list' },
    description: {
      'zh-CN':
        '区级管理员从已公布的榜单撤销一个条目（如经核实系抄袭，或作者本人申请），须写明原因：公开榜单不再显示该条目，只注明该名次于何日撤销，其余条目名次不变；原因只通知该条目的建议作者；该建议不再受榜单保护，可被退回或合并。草稿榜单和已撤销的条目拒绝。写入审计日志。',
      en: 'The district office withdraws an entry from a published list (found plagiarised, say, or at its author’s request), with a reason: the public list no longer shows it, only that its rank was withdrawn and when, and the other entries keep their ranks; the reason is told to the entry’s authors alone; its suggestion is no longer held by the list and may be rejected or merged. A draft list or an entry withdrawn already is refused. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
  'action.list': {
    summary: { 'zh-CN': '采纳事项', en: 'Adopted actions (staff)' },
    description: {
      'zh-CN': '当期大讨论采纳转化的部门任务及历次进度，注明调用者能否填报进度；供管理员和部门工作人员使用。',
      en: 'The current campaign’s adopted actions with every progress report, each saying whether the caller may report on it; for admins and department staff.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'action.adopt': {
    summary: { 'zh-CN': '采纳为部门任务', en: 'Adopt as an action' },
    description: {
      'zh-CN':
        '区活动办把一条建议或一个榜单条目采纳为部门任务（采纳转化），指定责任单位和期限；关联建议标为已采纳、记入进度，并通知作者、关注者和已登录的点赞者。未经初筛、已否决或已合并的建议不能采纳，未发布榜单（草稿）的条目也不能采纳。写入审计日志。',
      en: 'The district office adopts a suggestion or a list entry as a department action (采纳), with an owner unit and a due date; its suggestions become adopted, their history records it, and their authors, followers and signed-in supporters are told. A suggestion not yet screened, rejected or merged cannot be adopted, nor an entry of a list not yet published (a draft). Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
  'action.progress': {
    summary: { 'zh-CN': '填报办理进度', en: 'Report progress' },
    description: {
      'zh-CN':
        '责任单位的部门工作人员（或管理员）填报任务的状态、完成百分比和说明；记入关联建议的进度，并通知作者、关注者和已登录的点赞者。已办结或已取消的任务不能再填报，辖区外的答未找到。写入审计日志。',
      en: 'Department staff of the owner unit (or an admin) report an action’s status, percentage done and a note; it enters the linked suggestions’ history, and their authors, followers and signed-in supporters are told. A done or cancelled action takes no more reports; one outside the caller’s units is not found. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
};
