import type { OperationDocs } from '../../openapi/operation-docs.js';

/** 企业点题 → 部门答题 → 好差评: requests, their files, ratings and decisions, supervision, categories. */
export const businessRequestDocs: OperationDocs = {
  'request.list': {
    summary: { 'zh-CN': '诉求列表', en: 'Requests' },
    description: {
      'zh-CN':
        '分页列出当前用户可见的企业诉求（未办结的按到期日在前）：企业人员看本企业的，联络干部看所联系企业的，部门工作人员看分办给本部门的，区级管理员和纪委看管辖范围内的；可按状态、待决事项（延期、申诉）、关键词、部门和监督标记筛选，并说明能否提出诉求。按督办标记（reminded）筛选仅限区级管理员、纪委和部门工作人员，在其以工作人员身份可见的诉求中筛选；企业人员和联络干部答禁止（字段 flag，代码 supervision_only）。',
      en: 'The requests the caller may read, paged, open ones by due date first: a firm’s staff their firm’s, a liaison cadre their firms’, department staff those routed to their department, the office and the discipline commission their scope; filtered by state, pending decision (extension, appeal), words, department and supervision flag, with whether the caller may raise one. The flag of the commission’s reminders (reminded) is for the office, the commission and department staff, among the requests they read as staff; a firm’s staff or a liaison cadre is refused (field flag, code supervision_only).',
    },
    signedIn: true,
  },
  'request.export': {
    summary: { 'zh-CN': '导出诉求', en: 'Export requests' },
    description: {
      'zh-CN':
        '把诉求列表按相同筛选条件查到的全部诉求（不分页、顺序相同）导出为 Excel，表头和文字随界面语言：标题、企业、类别、状态、承办部门、提交时间、答复期限（按尚未载入节假日安排的年份计算的注明暂定及原因）、答复和办结时间、是否超期、企业评价、期限提醒和待决事项；时间按北京时间，标题中的手机号和身份证号脱敏。可用者、可见范围及督办标记的限制与诉求列表相同。',
      en: 'Every request the list finds for the same filters (not one page, in the same order) as an Excel workbook headed in the reader’s language: title, firm, category, status, department, submitted at, due date (marked provisional, with why, when counted through a year whose holidays are not loaded yet), answered and closed at, whether late, the firm’s rating, the deadline and what awaits a decision; times on China’s clock, phone and ID numbers in titles masked. For whoever may list requests, with the list’s scope and its limit on the reminders’ flag.',
    },
    signedIn: true,
  },
  'request.raise': {
    summary: { 'zh-CN': '企业点题', en: 'Raise a request' },
    description: {
      'zh-CN':
        '企业人员为本企业、或联络干部代所联系企业提出诉求（类别、标题、内容）；系统按文本推荐承办部门并识别是否为重复诉求，供区级管理员分办时参考；联络干部代提的，通知该企业人员（诉求标题和类别名称）。其他企业、或提出时已被移出本企业人员的，答未找到；联络干部代提期间管理员解除或改派其联系的答冲突（字段 firmId，代码 unpaired_meanwhile）。写入审计日志。',
      en: 'A firm’s staff raise a request for their firm, or its liaison cadre on its behalf (category, title, text); the text engine suggests a department and spots a repeat of an earlier request, for the office to route; one raised by the cadre is told to the firm’s staff (its title and category by name). Another firm, or their own once they are taken off its staff meanwhile, is not found; one the cadre raises while the office ends or changes the pairing is a conflict (field firmId, code unpaired_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'CONFLICT'],
  },
  'request.routingAccuracy': {
    summary: { 'zh-CN': '分办推荐准确率', en: 'Routing accuracy' },
    description: {
      'zh-CN': '在附有推荐部门的已分办诉求中，区级管理员采纳推荐部门的比例；区级管理员和纪委可查看。',
      en: 'Of the requests routed with a suggested department, how often the office kept it; for the office and the discipline commission.',
    },
    signedIn: true,
  },
  'request.read': {
    summary: { 'zh-CN': '查看诉求', en: 'Read a request' },
    description: {
      'zh-CN':
        '一件诉求的完整办理过程：时间线、答复及评价、整改、延期、申诉和附件，并说明当前用户此刻可做的操作；无权查看的答未找到（部门不会知道诉求转给了谁）。',
      en: 'A request with its whole timeline, answers and ratings, rectifications, extensions, appeals and files, and what the caller may do now; one the caller may not read is not found (a department does not learn where others went).',
    },
    signedIn: true,
  },
  'request.route': {
    summary: { 'zh-CN': '分办诉求', en: 'Route a request' },
    description: {
      'zh-CN':
        '区级管理员把诉求分办给一个部门（采纳推荐或另选），可对尚未答复的诉求改派；分办时可更正企业所选的类别（办理过程记录原类别和新类别的名称），答复期限按（更正后）类别的工作日从分办日起算，并通知该部门，可附给部门的说明（仅工作人员可见，通知中的号码脱敏）；企业获知承办部门及答复期限；改派时，原承办部门获知诉求已改由哪个部门办理。首次分办记录是否采纳了推荐。读取后已被他人分办或改派的答冲突（代码 routed_meanwhile），不再通知任何人。写入审计日志。',
      en: 'The office sends a request to a department (the suggested one or another), and may re-route one not yet answered; it may correct the category the firm chose (the timeline records the old and the new one by name); the answer is due the (corrected) category’s working days after routing; the department is told, with the office’s note if there is one (for staff only; numbers masked in the notice), and the firm’s staff are told which department holds the request and when the answer is due; on a re-route, the department it left is told which department holds it now. The first routing records whether the suggestion was kept. A request someone else routed or re-routed since it was read is a conflict (code routed_meanwhile), and nobody is told. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'request.answer': {
    summary: { 'zh-CN': '部门答题', en: 'Answer a request' },
    description: {
      'zh-CN':
        '承办部门的工作人员答复分办给本部门的诉求，系统记录是否按期答复，并通知企业；读取后已改派其他部门的答冲突（代码 routed_meanwhile）。写入审计日志。',
      en: 'Staff of the department a request is routed to answer it; whether on time is recorded, and the firm is told; one re-routed to another department since it was read is a conflict (code routed_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'extension.ask': {
    summary: { 'zh-CN': '申请延期', en: 'Ask for more time' },
    description: {
      'zh-CN':
        '承办部门在答复或整改期间向区级管理员申请延长若干工作日并说明理由；负责审批的管理员（企业所在镇街及其上级）获知申请（部门名称、天数、现期限）；同一诉求同时只能有一项待决的延期申请，否则答冲突；申请提交时诉求已被答复的答状态不允许（代码 request_moved_on），已改派的答冲突（代码 routed_meanwhile）。写入审计日志。',
      en: 'The department asks the office for more working days, with its reason, while an answer or a rectification is due, and the office over the firm’s town is told (the department by name, the days, the due date); a request has one pending extension at a time, and another is a conflict; one answered meanwhile is refused for its state (code request_moved_on), one re-routed meanwhile is a conflict (code routed_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'extension.decide': {
    summary: { 'zh-CN': '审批延期', en: 'Decide an extension' },
    description: {
      'zh-CN':
        '区级管理员批准（到期日顺延所申请的工作日）或驳回延期申请并说明意见，结果通知承办部门；批准的，同时告知企业原期限和新期限。写入审计日志。',
      en: 'The office approves an extension (the due date moves by the working days asked) or refuses it, with a note, and the department is told; an approval also tells the firm’s staff the old and the new due date. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'requestFile.add': {
    summary: { 'zh-CN': '上传诉求附件', en: 'Add a request file' },
    description: {
      'zh-CN':
        '企业人员或其联络干部为未办结的诉求上传附件（PDF、PNG、JPEG、Word 或 Excel），类型按内容识别并限制大小；已办结的诉求不再接收附件，上传期间诉求办结的也同样拒绝（字段 file，代码 request_closed）。写入审计日志。',
      en: 'A firm’s staff or its liaison cadre add a file (PDF, PNG, JPEG, Word or Excel) to a request not closed; the type is read from the content and the size is capped; a closed request refuses it for its state, as does one closed while the file is sent (field file, code request_closed). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  'requestFile.read': {
    summary: { 'zh-CN': '下载诉求附件', en: 'Read a request file' },
    description: {
      'zh-CN': '下载诉求的一份附件，凡可查看该诉求的人均可下载。',
      en: 'Downloads a request’s file, for whoever may read the request.',
    },
    signedIn: true,
  },
  'request.rate': {
    summary: { 'zh-CN': '好差评', en: 'Rate an answer' },
    description: {
      'zh-CN':
        '企业人员对部门答复（或整改结果）评价一次，1–5 分并可附意见：1–2 分（差评）按类别的工作日开启整改并通知部门，其他分数办结诉求，并关闭部门未签收的督办；重复评价答冲突；评价期最后一天之后的评价答状态不允许（代码 rating_period_over），即使诉求尚未按未评价办结。写入审计日志。',
      en: 'A firm’s staff rate an answer (or a rectification’s result) once, 1 to 5 with an optional comment: 1 or 2 opens a rectification due in the category’s working days and tells the department, any other closes the request and the reminders the department left unacknowledged; a second rating is a conflict; a rating after the rating period’s last day is refused for its state (code rating_period_over), whether or not the request is closed unrated yet. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'rectification.visit': {
    summary: { 'zh-CN': '登记回访', en: 'Record a return visit' },
    description: {
      'zh-CN':
        '承办部门登记差评整改中对企业的回访（日期不得晚于今天，附说明），每项整改只登记一次，重复（包括同时登记的第二次）答冲突（代码 visit_recorded_already）。写入审计日志。',
      en: 'The department records its return visit to the firm during a rectification (not dated after today, with a note), once per rectification; a second, also one sent at the same time, is a conflict (code visit_recorded_already). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'rectification.complete': {
    summary: { 'zh-CN': '提交整改结果', en: 'Give a rectification result' },
    description: {
      'zh-CN':
        '回访之后，承办部门提交整改结果，作为新的答复交企业再次评价（原差评保留在记录中），并通知企业；整改结果已提交的答状态不允许（代码 rectification_closed），申诉成立而撤销整改、诉求已办结的，包括提交期间成立的，也答状态不允许（代码 rectification_withdrawn）。写入审计日志。',
      en: 'After its return visit, the department gives the rectification’s result, a new answer the firm rates again (the bad rating stays on record), and the firm is told; a rectification whose result is given refuses it for its state (code rectification_closed), as does one an upheld appeal withdrew, closing the request, also while the result is sent (code rectification_withdrawn). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'rating.appeal': {
    summary: { 'zh-CN': '差评申诉', en: 'Appeal a rating' },
    description: {
      'zh-CN':
        '被差评的承办部门认为属恶意差评时，向区级管理员提出申诉并说明理由；只能对 1–2 分的评价申诉，每条评价一次，重复答冲突；负责审定的管理员（企业所在镇街及其上级）获知申诉（部门名称、分数）。写入审计日志。',
      en: 'The department a bad rating concerns appeals it to the office as unfair, with its reasons; only a rating of 1 or 2, once per rating, and a second appeal is a conflict; the office over the firm’s town is told (the department by name, the score). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'appeal.decide': {
    summary: { 'zh-CN': '裁决申诉', en: 'Decide an appeal' },
    description: {
      'zh-CN':
        '区级管理员裁决申诉并说明理由：支持的，该评价不再计入，其引发的未完成整改撤销、诉求办结，待审批的延期申请撤回、未签收的督办关闭；驳回的，其他不变。评价本身始终保留，结果通知承办部门和企业，撤销了整改的并告知整改撤销、诉求办结。写入审计日志。',
      en: 'The office decides an appeal with its reasons: upheld, the rating is set aside, a rectification it opened and not done is withdrawn and the request closes, with its pending extension withdrawn and its unacknowledged reminders closed; dismissed, nothing else changes. The rating stays on record; the department and the firm’s staff are told the outcome, and, when a rectification is withdrawn, that it is and the request closed. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'requestCategory.list': {
    summary: { 'zh-CN': '诉求类别', en: 'Request categories' },
    description: {
      'zh-CN':
        '按顺序列出诉求类别及其答复、整改期限（工作日），含已停用的；首次读取时填入默认类别。任何登录用户可查看。',
      en: 'The request categories in order, with their answer and rectification deadlines in working days, retired ones included; the defaults are filled in on first use. For any signed-in user.',
    },
    signedIn: true,
  },
  'requestCategory.create': {
    summary: { 'zh-CN': '新增诉求类别', en: 'Add a category' },
    description: {
      'zh-CN': '区级管理员（区一级）新增诉求类别及其答复、整改期限；代码已存在时答冲突。写入审计日志。',
      en: 'The district office adds a request category with its answer and rectification deadlines; a code in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'requestCategory.update': {
    summary: { 'zh-CN': '修改诉求类别', en: 'Change a category' },
    description: {
      'zh-CN': '区级管理员（区一级）修改类别名称、期限或停用；已分办诉求的到期日不变。写入审计日志。',
      en: 'The district office renames, retires or changes the deadlines of a category; requests already routed keep their due dates. Audited.',
    },
    signedIn: true,
  },
  'request.supervision': {
    summary: { 'zh-CN': '纪委监督看板', en: 'Supervision dashboard' },
    description: {
      'zh-CN':
        '按部门统计管辖范围内未办结、已逾期、两个工作日内到期、差评、整改中和申诉中的诉求数；每个数字对应诉求列表的一个筛选标记。纪委和区级管理员可查看。',
      en: 'Per department, the requests of the caller’s scope that are open, overdue, due within two working days, badly rated, under rectification or appealed; each figure is a filter of the request list. For the discipline commission and the office.',
    },
    signedIn: true,
  },
  'supervision.read': {
    summary: { 'zh-CN': '诉求监督记录', en: 'A request’s supervision' },
    description: {
      'zh-CN':
        '一件诉求的监督记录：纪委和区级管理员看到全部备注和督办，承办部门只看到发给本部门的督办及能否签收。',
      en: 'A request’s supervision: the commission and the office see every note and reminder, the department only the reminders addressed to it and whether it may acknowledge each.',
    },
    signedIn: true,
  },
  'supervision.add': {
    summary: { 'zh-CN': '监督备注或督办', en: 'Note or remind' },
    description: {
      'zh-CN':
        '纪委在诉求上记录备注，或向当前承办部门发出督办并同时通知该部门；只有已分办且未办结的诉求才能督办（同时办结的也答状态不允许），同时被改派的答冲突（代码 routed_meanwhile）。写入审计日志。',
      en: 'The discipline commission records a note on a request, or sends the department holding it a formal reminder, telling its staff in the same step; only a routed request not closed is reminded (also one closed at the same time), and one re-routed at the same time is a conflict (code routed_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'supervision.acknowledge': {
    summary: { 'zh-CN': '签收督办', en: 'Acknowledge a reminder' },
    description: {
      'zh-CN':
        '承办部门签收发给本部门的督办并说明处理措施，只能签收一次，重复答冲突（代码 acknowledged_already）；诉求改派或办结时关闭的督办不再签收（代码 reminder_closed、reminder_request_closed）。写入审计日志。',
      en: 'The department acknowledges a reminder addressed to it, saying what it does about it, once; a second acknowledgement is a conflict (code acknowledged_already); a reminder closed by the request’s re-route or closing is no longer acknowledged (codes reminder_closed, reminder_request_closed). Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
};
