import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The reform lists (清单) and the ledger of projects with their milestones. */
export const reformsProjectDocs: OperationDocs = {
  'reformList.list': {
    summary: { 'zh-CN': '改革清单', en: 'Reform lists' },
    description: {
      'zh-CN': '列出全部改革清单及各自的项目数和完成进度；管理员、部门工作人员和纪委监委可读。',
      en: 'Every reform list with its number of projects and progress; for admins, department staff and supervisors.',
    },
    signedIn: true,
  },
  'reformList.create': {
    summary: { 'zh-CN': '新建改革清单', en: 'Create a reform list' },
    description: {
      'zh-CN':
        '新建一张改革清单（名称、说明、排序）；清单名称不得重复。仅区委改革办（区级管理员）；写入审计日志。',
      en: 'Opens a reform list (name, description, order); two lists never share a name. For the district’s reform office (a district admin); audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformList.update': {
    summary: { 'zh-CN': '修改改革清单', en: 'Edit a reform list' },
    description: {
      'zh-CN': '修改清单的名称、说明或排序；改成已有清单的名称时答冲突。仅区委改革办；写入审计日志。',
      en: 'Renames, describes or reorders a list; another list’s name is a conflict. For the district’s reform office; audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformList.delete': {
    summary: { 'zh-CN': '删除改革清单', en: 'Delete a reform list' },
    description: {
      'zh-CN': '删除一张空清单；清单下还有项目时答冲突，须先把项目移走。仅区委改革办；写入审计日志。',
      en: 'Removes an empty list; one that still has projects is a conflict until they move. For the district’s reform office; audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformProject.list': {
    summary: { 'zh-CN': '改革任务台账', en: 'Reform ledger' },
    description: {
      'zh-CN':
        '分页列出改革项目及当日进度和推进状态，可按清单、牵头单位、任务来源、试点状态、推进状态、关键词（名称或编号）和“本单位牵头”筛选；管理员、部门工作人员和纪委监委可读。',
      en: 'A page of reform projects with today’s progress and status, filtered by list, lead unit, source, pilot status, status, words of the name or code, and “led by my unit”; for admins, department staff and supervisors.',
    },
    signedIn: true,
  },
  'reformProject.export': {
    summary: { 'zh-CN': '导出改革台账', en: 'Export the ledger' },
    description: {
      'zh-CN':
        '把改革任务台账导出为 Excel（带上台账页的筛选条件时只导出筛出的项目，不带则为整本台账），含节点完成数、完成率和推进状态，表头和选项按请求的语言（Accept-Language）书写，导出的文件可修改后再导入；能读台账的人员均可导出。',
      en: 'The ledger as an Excel workbook (the projects the ledger page’s filters select, when they are given; else the whole ledger), with milestones done, percent done and status, its headers and enumerated words in the request’s language (Accept-Language); an exported file can be edited and imported again. For anyone who reads the ledger.',
    },
    signedIn: true,
  },
  'reformProject.template': {
    summary: { 'zh-CN': '台账导入模板', en: 'Ledger import template' },
    description: {
      'zh-CN':
        '下载改革任务台账的 Excel 导入模板（导入读取的十一列、一行示例和选项下拉），按请求的语言书写；能读台账的人员均可下载。',
      en: 'The ledger’s Excel import template in the request’s language: the eleven columns an import reads, one example row and drop-downs of the enumerated columns. For anyone who reads the ledger.',
    },
    signedIn: true,
  },
  'reformProject.import': {
    summary: { 'zh-CN': '导入改革台账', en: 'Import the ledger' },
    description: {
      'zh-CN':
        '按项目编号导入 Excel 台账，表头和选项可用中文或英文，全部成功或全部不导入：任一行有误即整份退回并按行列出问题（按请求的语言书写）；已有编号只改不同之处，同一文件重复导入不产生变化；新交由牵头的单位和新列入的配合单位的工作人员，每个项目各收到一条通知（与手工新建相同），完成时限调整时通知牵头单位。仅区委改革办；写入审计日志。',
      en: 'Imports the ledger by project code, its headers and enumerated words in Chinese or English, all or nothing: one bad row rejects the file with every problem listed by row, worded in the request’s language; known codes change only where they differ, so the same file twice changes nothing; the staff of a unit given a project to lead or made its co-unit get one notice per project, as for a project made by hand, and a lead unit hears of a moved deadline. For the district’s reform office; audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'],
  },
  'reformProject.create': {
    summary: { 'zh-CN': '新建改革项目', en: 'Create a reform project' },
    description: {
      'zh-CN':
        '在清单上新建改革项目：编号、名称、任务来源、牵头单位和配合单位、起止时间、改革目标和试点情况；牵头单位须在本人管辖范围内，编号不得重复；通知牵头单位和配合单位的工作人员（含完成时限）。限管理员（改革办）；写入审计日志。',
      en: 'Puts a project on a list: code, name, source, lead unit and co-units, dates, goal and pilot; the lead unit must be in the admin’s scope and the code unused; the lead unit’s and co-units’ staff are told, with the deadline. For admins (the reform office); audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformProject.read': {
    summary: { 'zh-CN': '改革项目详情', en: 'A reform project' },
    description: {
      'zh-CN':
        '一个项目的全部信息和节点（含剩余工作日、是否逾期），有权查看月报者附其月度进展列表，并返回当前用户可做的操作；能读台账的人员均可查看。',
      en: 'One project with its milestones (working days left, overdue or not), its monthly reports to those who may read them, and what the caller may do; for anyone who reads the ledger.',
    },
    signedIn: true,
  },
  'reformProject.update': {
    summary: { 'zh-CN': '修改改革项目', en: 'Edit a reform project' },
    description: {
      'zh-CN':
        '牵头单位工作人员可改本单位项目的目标、起止时间和配合单位；清单、编号、名称、来源、牵头单位和试点情况只有对其有管辖权的管理员（改革办）可改。起止时间须涵盖各节点的完成时限，否则不允许并指明节点（代码 milestone_outside_period）。新列入的配合单位、新的牵头单位和完成时限的调整均通知相关单位工作人员；进度或状态因此变化时通知相关建议的关注者。写入审计日志。',
      en: 'The lead unit’s staff change their project’s goal, dates and co-units; the list, code, name, source, lead unit and pilot are for the admin over it (the reform office). The dates keep every milestone’s due date within them: dates that would leave one out are refused, the milestone named (code milestone_outside_period). A new co-unit, a new lead unit and a moved deadline are told to those units’ staff; a change that moves progress or status tells the followers of the suggestions it came from. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'reformProject.delete': {
    summary: { 'zh-CN': '删除改革项目', en: 'Delete a reform project' },
    description: {
      'zh-CN':
        '删除误录的项目，连同其节点、配合单位及与攻坚战的关联；已有月报或案例的项目答冲突。仅对牵头单位有管辖权的管理员；写入审计日志。由群众建议转化的项目只能由区活动办删除，且须说明理由（reason，4–500 字，缺少时答 400）：同一事务中在每条建议的公开进程中记下“转化的改革项目已撤销”及理由，并通知建议人、关注者和支持者；建议仍为已采纳。',
      en: 'Removes a project entered by mistake, with its milestones, co-units and battle links; one with reports or cases is a conflict. For the admin over its lead unit; audited. A project taken up from citizens’ suggestions is the district (campaign) office’s alone to delete, with a reason (reason, 4–500 characters; 400 without one): in the same transaction each suggestion’s public timeline says the project was withdrawn and why, and its author, followers and supporters are told; the suggestion stays adopted.',
    },
    signedIn: true,
    errors: ['VALIDATION', 'CONFLICT'],
  },
  'reformMilestone.save': {
    summary: { 'zh-CN': '保存节点计划', en: 'Save the milestones' },
    description: {
      'zh-CN':
        '整体替换项目的节点计划（名称、权重、完成时限须在项目期内）：保留的节点保持已完成比例，新节点从 0 开始，已有审核通过进度的节点不能删除，已提交待审核的月报所填报的节点在审核前也不能删除（代码 milestone_in_review）。读取后节点计划或进度已被他人修改的答冲突（代码 edited_meanwhile），重新读取后再保存。牵头单位工作人员或管理员；进度变化时通知相关建议的关注者。写入审计日志。',
      en: 'Replaces a project’s milestone plan whole (name, weight, a due date within the project): kept milestones keep what is done, new ones start at 0, and one with approved progress cannot be removed, nor, until it is reviewed, one a submitted monthly report speaks of (code milestone_in_review). A plan whose milestones or progress someone changed since it was read is a conflict (code edited_meanwhile): read it again and save. For the lead unit’s staff or the admin over it; followers of the suggestions it came from hear of a change in progress. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'reformMilestone.correct': {
    summary: { 'zh-CN': '更正节点进度', en: 'Correct a milestone’s progress' },
    description: {
      'zh-CN':
        '区委改革办把误审核通过的节点完成比例改低（只能低于当前已审核的比例），须写明理由；更正记入项目的进度更正记录和审计日志，并通知牵头单位。进度的提高仍只能经月度进展审核。',
      en: 'The reform office lowers a milestone’s done share it approved by mistake (only below the approved figure), with a reason; the correction goes into the project’s history and the audit log, and the lead unit is told. Progress still rises only through approved monthly reports.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
};
