import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Screening, written intake, imports, events, scans, comment moderation and the survey's results. */
export const staffIdeaDocs: OperationDocs = {
  'suggestion.queue': {
    summary: { 'zh-CN': '初筛队列', en: 'Screening queue' },
    description: {
      'zh-CN':
        '分页列出当期大讨论的建议（含未公开的），可按关键词、领域、镇街和状态筛选；管理员、初筛员、组织员只看到本人辖区镇街的建议，手机号已遮盖。',
      en: 'The current campaign’s suggestions (unpublished ones too), paged, filtered by words, domain, town and status; admins, screeners and organisers see only the towns of their own units, phones masked.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'suggestion.export': {
    summary: { 'zh-CN': '导出建议清单', en: 'Export the suggestions' },
    description: {
      'zh-CN':
        '按初筛队列的筛选条件（关键词、领域、镇街、状态）导出全部匹配的建议为 Excel 工作簿，按读者语言写表头和名称，最新的在前；只含本人辖区镇街的建议，姓名、手机号及正文中的号码已遮盖。超过 50,000 条时拒绝，请缩小范围。',
      en: 'Every suggestion the screening queue lists for these filters (words, domain, town, status) as an Excel workbook, headers and names in the reader’s language, the newest first; only the towns of the reader’s own units, names, phones and numbers in the text masked. Refused above 50,000 rows: narrow the filters.',
    },
    signedIn: true,
    errors: ['VALIDATION'],
  },
  'suggestion.staffRead': {
    summary: { 'zh-CN': '查看建议详情', en: 'Read a suggestion (staff)' },
    description: {
      'zh-CN':
        '工作人员查看辖区内的一条建议：正文、领域和镇街名称、可执行的初筛操作、相近建议分组和附件。辖区外的建议答未找到。',
      en: 'One suggestion of the caller’s towns as staff see it: its text, domain and town names, the screening steps allowed, its near-duplicate group and its scans. One outside the caller’s towns is not found.',
    },
    signedIn: true,
  },
  'suggestion.submitWritten': {
    summary: { 'zh-CN': '录入书面建议', en: 'Enter a written suggestion' },
    description: {
      'zh-CN':
        '管理员或组织员为本辖区镇街录入来信、走访、返乡座谈或活动现场收集的建议，可注明所属线下活动；征集期结束后仍可录入。自动判断领域并返回查询码。写入审计日志。',
      en: 'An admin or organiser enters a suggestion collected in their towns by letter, outreach, a homecoming talk or an event (which it may name), also after the intake period. Its domain is guessed and a tracking code returned. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'suggestion.screen': {
    summary: { 'zh-CN': '初筛一条建议', en: 'Screen a suggestion' },
    description: {
      'zh-CN':
        '管理员、初筛员或组织员对辖区内一条建议作出初筛决定：通过、不通过（须选理由）、合并到另一条或改划领域；当前状态不允许时拒绝，读取后已被改划领域的建议通过时答冲突。通过、不通过和合并会记入建议进度，并通知作者和关注者。写入审计日志。',
      en: 'An admin, screener or organiser decides on one suggestion of their towns: accept, reject (with a reason), merge into another, or move to another domain; refused when its state does not allow it, and an acceptance of one moved to another domain since it was read is a conflict. Accepting, rejecting and merging enter its history and tell its author and followers. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'suggestion.screenBulk': {
    summary: { 'zh-CN': '批量初筛', en: 'Screen many' },
    description: {
      'zh-CN':
        '对多条建议作出同一初筛决定，全部成功或全部不做；任何一条不在辖区、不在当期或状态不允许，整批拒绝；任何一条读取后已被改划领域的，通过时整批答冲突。写入审计日志。',
      en: 'One screening decision on many suggestions, all or none: if any is outside the caller’s towns, not in the current campaign or in a state that does not allow it, the whole batch is refused, and as a conflict when accepting one moved to another domain since it was read. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE', 'CONFLICT'],
  },
  'suggestion.importTemplate': {
    summary: { 'zh-CN': '下载建议导入模板', en: 'Suggestion import template' },
    description: {
      'zh-CN':
        '可导入建议的管理员或组织员下载空白 Excel 模板：列名用请求的语言，镇街、身份、渠道、领域各列带下拉选项（选项多时放在隐藏工作表）。',
      en: 'For those who may import suggestions: the blank Excel template, headers in the request’s language, with drop-down lists of towns, author kinds, channels and domains (long lists on a hidden sheet).',
    },
    signedIn: true,
  },
  'suggestion.import': {
    summary: { 'zh-CN': '导入书面建议', en: 'Import written suggestions' },
    description: {
      'zh-CN':
        '管理员或组织员上传 Excel 或 CSV 批量导入本辖区的书面建议：先逐行核对，任何一行有误则整份退回并列出行号、字段和原因，不写入任何内容；与此前导入的或文件中前面的行相同（标题、内容、镇街、身份、渠道及姓名、电话都相同）的行跳过，结果列出跳过的行号。写入审计日志。',
      en: 'An admin or organiser uploads an Excel or CSV file of written suggestions for their towns: every row is checked first; any error returns the whole file with each row, field and reason, and nothing is written. A row the same as one imported before or earlier in the file (the same title, text, town, author kind and channel, and the same name and phone) is skipped, and the answer names the rows skipped. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'event.list': {
    summary: { 'zh-CN': '线下活动列表', en: 'Events' },
    description: {
      'zh-CN':
        '当期大讨论登记的座谈会、宣讲、走访、论坛以及“走出去”“请回来”活动，按日期倒序，含各活动收集的建议数和调用者可执行的操作；供管理员和组织员使用，无权修改者看到的参加人员每行按姓名打码、纪要中的电话、证件号已打码。',
      en: 'The current campaign’s events (symposiums, talks, visits, forums, and its own 走出去 going-out and 请回来 inviting-back events), latest first, with the suggestions collected at each and what the caller may do; for admins and organisers; for those who may not edit, each attendee line masked as a name and phone and ID numbers in the minutes masked.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'event.read': {
    summary: { 'zh-CN': '查看线下活动', en: 'Read an event' },
    description: {
      'zh-CN':
        '一场线下活动的详情（类型、日期、地点、主办单位、参加人数与名单、纪要）及调用者能否修改；管理员和组织员都可查看，无权修改者看到的参加人员每行按姓名打码、纪要中的电话、证件号已打码。',
      en: 'One event (kind, date, place, organiser, attendance and attendees, minutes) and whether the caller may edit it; any admin or organiser may read it; for those who may not edit, each attendee line masked as a name and phone and ID numbers in the minutes masked.',
    },
    signedIn: true,
  },
  'event.suggestions': {
    summary: { 'zh-CN': '活动收集的建议', en: 'Suggestions from an event' },
    description: {
      'zh-CN': '分页列出在一场活动中收集的建议：标题（号码打码）、状态、镇街、日期，以及是否已在网站公开。',
      en: 'The suggestions collected at one event, paged: title (numbers masked), status, town, date, and whether the public site shows it.',
    },
    signedIn: true,
  },
  'event.create': {
    summary: { 'zh-CN': '登记线下活动', en: 'Record an event' },
    description: {
      'zh-CN':
        '管理员或组织员为本辖区单位登记一场线下活动（类型、主题、日期、地点、参加人数或名单），参加人数计入参与人次。写入审计日志。',
      en: 'An admin or organiser records an event of a unit they hold (kind, title, date, place, attendance or attendees); its attendance counts as participations. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'event.update': {
    summary: { 'zh-CN': '修改线下活动', en: 'Change an event' },
    description: {
      'zh-CN':
        '修改辖区内的一场线下活动；参加人数变化时相应增减参与人次，改换主办单位须仍在本人辖区。写入审计日志。',
      en: 'Changes an event of the caller’s units; a changed attendance adds or removes participations, and a new organising unit must also be the caller’s. Audited.',
    },
    signedIn: true,
  },
  'attachment.add': {
    summary: { 'zh-CN': '上传建议附件', en: 'Attach a scan' },
    description: {
      'zh-CN':
        '为书面建议上传扫描件（PDF、PNG 或 JPEG，按文件内容识别类型），限可为该镇街录入建议的管理员或组织员。写入审计日志。',
      en: 'Attaches a scan (PDF, PNG or JPEG, the type read from the file’s bytes) to a written suggestion, by an admin or organiser who may enter suggestions for its town. Audited.',
    },
    signedIn: true,
    errors: ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'attachment.read': {
    summary: { 'zh-CN': '下载建议附件', en: 'Download a scan' },
    description: {
      'zh-CN': '下载建议的扫描件，限可查看该建议的管理员、初筛员和组织员；专家不可下载（扫描件可见作者）。',
      en: 'Downloads a suggestion’s scan, for the admins, screeners and organisers who may read the suggestion; never experts (a scan shows the author).',
    },
    signedIn: true,
  },
  'attachment.remove': {
    summary: { 'zh-CN': '删除建议附件', en: 'Remove a scan' },
    description: {
      'zh-CN': '删除建议的扫描件，限可为该镇街录入建议的管理员或组织员。写入审计日志。',
      en: 'Removes a suggestion’s scan, by an admin or organiser who may enter suggestions for its town. Audited.',
    },
    signedIn: true,
  },
  'ideaComments.queue': {
    summary: { 'zh-CN': '评论审核队列', en: 'Comments to moderate' },
    description: {
      'zh-CN': '按状态（默认待审核）分页列出辖区镇街建议下的评论，供管理员、初筛员和组织员审核。',
      en: 'The comments on suggestions of the caller’s towns in one state (pending by default), paged, for admins, screeners and organisers to moderate.',
    },
    signedIn: true,
  },
  'ideaComments.moderate': {
    summary: { 'zh-CN': '审核评论', en: 'Moderate a comment' },
    description: {
      'zh-CN':
        '管理员、初筛员或组织员发布或隐藏辖区建议下的一条评论，隐藏须写明理由；辖区外的评论答未找到；他人在此期间已处理的答冲突（comment_moderated），刷新后再处理。写入审计日志。',
      en: 'An admin, screener or organiser publishes or hides a comment on a suggestion of their towns; hiding needs a reason. One outside their towns is not found; one another moderator decided meanwhile is a conflict (comment_moderated), to reload and decide again. Audited.',
    },
    signedIn: true,
  },
  'ideaSurvey.results': {
    summary: { 'zh-CN': '问卷结果', en: 'Survey results' },
    description: {
      'zh-CN':
        '当期大讨论问卷的结果：各题各选项的人数和最近的文字回答（号码已遮盖）；供管理员、初筛员和组织员使用，各看本人辖区镇街的答卷。',
      en: 'The current campaign’s survey results: counts per option of each question and the latest written answers (numbers masked); for admins, screeners and organisers, each over the towns of their own units.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'ideaSurvey.export': {
    summary: { 'zh-CN': '导出问卷结果', en: 'Export survey results' },
    description: {
      'zh-CN':
        '以 Excel 导出调用者范围内的问卷结果：先是各选项人数，再是每份答卷（文字中的号码已遮盖）；按请求语言生成表头。',
      en: 'The survey results in the caller’s scope as an Excel workbook: counts per option, then every response (numbers in free text masked); headings in the request’s language.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
};
