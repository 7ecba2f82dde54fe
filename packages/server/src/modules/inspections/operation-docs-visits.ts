import type { OperationDocs } from '../../openapi/operation-docs.js';

const upload = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const;

/** Joint plans, the visits and their findings, the firms' results, and what the public reads. */
export const inspectionVisitDocs: OperationDocs = {
  'inspectionPlan.list': {
    summary: { 'zh-CN': '联合检查计划', en: 'Joint inspection plans' },
    description: {
      'zh-CN':
        '分页列出综合查一次的联合检查计划（期间、状态、排定与未排的检查数）；区级管理员、部门工作人员和纪委可查看。',
      en: 'The joint-inspection plans (综合查一次), paged, with period, state and figures; for the district office, department staff and the discipline commission.',
    },
    signedIn: true,
  },
  'inspectionPlan.create': {
    summary: { 'zh-CN': '生成联合检查计划', en: 'Make a joint plan' },
    description: {
      'zh-CN':
        '区级管理员把某一期间内到期、尚未排入计划的已抽取检查合并为联合检查，生成草稿计划：同一企业的多项检查尽量同日进行，人员只用抽取时确定的检查组，无法安排的列为未排并说明原因。期间内无可排检查或法定工作日历未覆盖该期间时退回；编制期间有企业新设不宜检查日期且计划安排在该日时退回，重新编制即可。写入审计日志。',
      en: 'The district office merges the drawn inspections due in a period and not yet planned into joint visits, as a draft: a firm’s inspections share a date where they can, staffed only by the teams the draws assigned, and those that cannot go are listed unplanned with the reason. A period with nothing to plan, or not covered by the official calendar, is refused, and so is a plan visiting a firm on a date it blocked while the plan was made (made again, it plans around it). Audited.',
    },
    signedIn: true,
  },
  'inspectionPlan.read': {
    summary: { 'zh-CN': '查看联合检查计划', en: 'Read a joint plan' },
    description: {
      'zh-CN':
        '一份计划的各次联合检查（日期、企业、检查组、检查事项）、未排检查及其原因和统计数字，并说明当前用户能否调整、发布或删除。',
      en: 'A plan’s joint visits (date, firm, team, items), the inspections left unplanned with their reasons, its figures, and whether the caller may move its visits, publish or delete it.',
    },
    signedIn: true,
  },
  'inspectionPlan.delete': {
    summary: { 'zh-CN': '删除草稿计划', en: 'Delete a draft plan' },
    description: {
      'zh-CN': '区级管理员删除尚未发布的计划，其中的检查可重新排入计划；已发布的计划不能删除。写入审计日志。',
      en: 'The district office deletes a plan not yet published, freeing its inspections to be planned again; a published plan stays. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionPlan.moveVisit': {
    summary: { 'zh-CN': '调整检查日期', en: 'Move a visit' },
    description: {
      'zh-CN':
        '区级管理员把草稿计划中的一次检查改到另一日期，并重新核对全部硬性规则：日期在计划期间内、是法定工作日且不在企业不宜检查的日期；检查组须仍是抽取确定的人员，且无回避关系、当天上班、未超出当日工作量。写入审计日志。',
      en: 'The district office moves a visit of a draft plan to another date, every hard rule checked again: within the period, an official working day, not a date the firm blocked; the team must stay the drawn one, with no declared conflict, working that weekday and not at capacity that day. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionPlan.publish': {
    summary: { 'zh-CN': '发布联合检查计划', en: 'Publish a joint plan' },
    description: {
      'zh-CN':
        '区级管理员发布草稿计划，同时通知每家企业的人员检查日期、来检部门和检查事项（一次告知），并通知检查组每位检查人员所检企业和日期；发布后不再更改。检查组中有人员编制后已不在岗（inspector_off_duty）、已改为检查当天不工作（inspector_day_off）或已申报需回避所检企业（conflict_declared_meanwhile）时按冲突退回（抽取的人员不能替换），删除草稿重新编制即可。写入审计日志。',
      en: 'The district office publishes a draft plan, telling each firm’s staff in the same step the date, the departments coming and the items they will check, and each inspector of a visit’s team the firm and the date; a published plan no longer changes. A plan with a team member taken off duty (code inspector_off_duty), no longer working on the visit’s weekday (inspector_day_off), or declaring a conflict with the visit’s firm (conflict_declared_meanwhile), since it was made is refused as a conflict (nobody stands in for a drawn inspector): delete the draft and make it again. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'inspectionFigures.read': {
    summary: { 'zh-CN': '检查统计', en: 'Inspection figures' },
    description: {
      'zh-CN':
        '某年按部门和季度统计：完成检查户次、联合检查占比、为企业节省的接待时长、发现问题数，其中企业已报告待验收、退回重新整改、验收通过（销号）和逾期的数量。区级管理员和纪委看全部部门，部门工作人员只看本部门。',
      en: 'For a year, per department and quarter: visits completed, the share done jointly, firm-hours saved, issues found and of those reported awaiting verification, returned, accepted (closed) and overdue. The district office and the discipline commission see every department, department staff their own.',
    },
    signedIn: true,
  },
  'inspectionRectification.list': {
    summary: { 'zh-CN': '整改跟踪', en: 'Rectification follow-up' },
    description: {
      'zh-CN':
        '分页列出已完成检查中发现的问题的整改情况：待企业整改的按到期日排列（含退回的）、已逾期的（按工作日计）单列、已退回的、企业已报告待验收的（本部门可验收或退回），或已验收销号的按时间倒序。与检查统计范围相同：区级管理员和纪委看全部部门，部门工作人员只看本部门检查事项上的问题；未发布计划中的检查只有区级管理员可见。scope=toVerify 时只列当前用户所在部门负责验收的事项（待我验收的整改）。整改要求、企业说明和退回理由中的手机号和身份证号按列表惯例脱敏。',
      en: 'The issues of completed visits and their rectification, paged: those awaiting the firm by due date (returned ones included), those overdue in working days, the returned ones, those reported done awaiting verification (which the item’s department may accept or return), or the accepted ones latest first. Scoped like the figures: the district office and the discipline commission see every department’s, department staff those found on their own departments’ items; visits of plans not yet published only the district office. With scope=toVerify, only the items whose department the caller verifies for (rectifications awaiting my verification). Phone and ID numbers in the requirement, the firm’s note and the return’s reason are masked, as in every list.',
    },
    signedIn: true,
  },
  'inspectionVisit.mine': {
    summary: { 'zh-CN': '本企业待检安排', en: 'My firm’s visits' },
    description: {
      'zh-CN':
        '企业人员查看本企业已发布计划中今天及以后的检查：日期、来检部门和检查事项；未关联企业的账号返回空列表。',
      en: 'For a firm’s staff: their firm’s visits in published plans from today on, with the date, the departments coming and the items; an account of no firm gets none.',
    },
    signedIn: true,
  },
  'inspectionVisit.list': {
    summary: { 'zh-CN': '我的检查任务', en: 'My inspection visits' },
    description: {
      'zh-CN':
        '执法检查人员在手机上查看自己所在检查组的检查（仅已发布计划）：未完成的按日期在前，已完成的随后，并附可做的下一步；仅部门工作人员可用。',
      en: 'An inspector’s visits on the phone, of published plans, whose team they are on: those not completed first by date, then the completed ones, with the next steps allowed; for department staff.',
    },
    signedIn: true,
  },
  'inspectionVisit.read': {
    summary: { 'zh-CN': '查看检查', en: 'Read a visit' },
    description: {
      'zh-CN':
        '一次检查的企业、日期、检查组、检查事项及逐项检查结果、照片、整改和评价；检查组成员、区级管理员和纪委可查看；检查完成后，负责验收某项整改的部门工作人员也可查看本部门的事项（人名和号码脱敏）；其他人答未找到。',
      en: 'A visit’s firm, date, team and items, with each finding, its photos, rectification and the rating; for its team, the district office and the discipline commission; once completed, also for the staff of a department that verifies one of its rectifications, their own items only, names and numbers masked; not found to anyone else.',
    },
    signedIn: true,
  },
  'inspectionVisit.start': {
    summary: { 'zh-CN': '开始检查', en: 'Start a visit' },
    description: {
      'zh-CN':
        '检查组成员到企业后开始检查，只能在计划日期当天或之后、且只能开始一次；两部手机同时开始时只有一次生效。写入审计日志。',
      en: 'A team member starts the visit at the firm, on its date or later, and only once; of two phones starting at once, one wins. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionFinding.save': {
    summary: { 'zh-CN': '记录检查结果', en: 'Record a finding' },
    description: {
      'zh-CN':
        '检查组成员记录或更正进行中的检查对某一事项的结果（符合、存在问题、不适用）；存在问题时填写整改要求和以工作日计的整改期限。检查完成后不能再改。写入审计日志。',
      en: 'A team member records or corrects the finding on one item of a started visit (compliant, issue, not applicable); an issue carries its requirement and a deadline in working days. Nothing changes once the visit is completed. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionVisit.complete': {
    summary: { 'zh-CN': '完成检查', en: 'Complete a visit' },
    description: {
      'zh-CN':
        '每个事项都有结果后，检查组成员完成检查：问题的整改期限按工作日折算为到期日，并在同一事务中把结果通知企业人员。完成后不再修改。写入审计日志。',
      en: 'Once every item has a finding, a team member completes the visit: each issue’s deadline becomes a due date in working days, and the firm’s staff are told the results in the same step. A completed visit is never edited again. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionVisit.reschedule': {
    summary: { 'zh-CN': '检查改期', en: 'Reschedule a visit' },
    description: {
      'zh-CN':
        '区级管理员把已发布计划中尚未开始的检查改到另一天，并写明原因：新日期须为今天或以后的法定工作日，在计划和相关抽查任务的期间内，不是企业不宜检查的日期，企业当天没有其他检查，检查组人员无回避、当天上班且未满当日检查数（检查组仍为抽取的人员）。同一事务中通知企业人员、检查组成员和相关部门工作人员，检查的改期记录可查。写入审计日志。',
      en: 'The district office moves a published visit not yet started to another day, with a reason: a working day from today on, within the plan’s and its tasks’ periods, not a date blocked for the firm, with no other visit of the firm that day, the drawn team free of conflict, working that weekday and under its daily capacity (the team stays the drawn one). The firm’s staff, the team and the departments’ staff are told in the same step, and the visit lists its moves. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionPhoto.add': {
    summary: { 'zh-CN': '上传检查照片', en: 'Add a finding photo' },
    description: {
      'zh-CN':
        '检查组成员为进行中检查的某项结果上传照片（JPEG 或 PNG），文件类型按内容识别并限制大小。写入审计日志。',
      en: 'A team member adds a photo (JPEG or PNG) to a finding of a started visit; the type is read from the content and the size is capped. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', ...upload],
  },
  'inspectionPhoto.read': {
    summary: { 'zh-CN': '查看检查照片', en: 'Read a finding photo' },
    description: {
      'zh-CN': '下载一张检查照片；检查组、区级管理员和纪委可查看，检查完成后该企业人员也可查看。',
      en: 'Downloads a finding’s photo, for the visit’s team, the district office and the discipline commission, and for the firm’s staff once the visit is completed.',
    },
    signedIn: true,
  },
  'inspectionPhoto.remove': {
    summary: { 'zh-CN': '删除检查照片', en: 'Remove a finding photo' },
    description: {
      'zh-CN': '检查组成员在检查完成前删除一张检查照片。写入审计日志。',
      en: 'A team member removes a finding’s photo while the visit is still started. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionResult.list': {
    summary: { 'zh-CN': '本企业检查结果', en: 'My firm’s results' },
    description: {
      'zh-CN':
        '企业人员查看本企业已完成检查的列表：日期、状态、检查事项数、发现问题数、待验收、被退回和已验收的整改数以及是否已评价。',
      en: 'For a firm’s staff: their firm’s completed visits, with date, state, item count, issues found, rectifications awaiting verification, returned and accepted, and whether it is rated.',
    },
    signedIn: true,
  },
  'inspectionResult.read': {
    summary: { 'zh-CN': '查看检查结果', en: 'Read a visit’s result' },
    description: {
      'zh-CN':
        '企业人员查看本企业一次已完成检查的逐项结果、整改要求与到期日、照片和评价，并说明能否评价；其他企业的或未完成的检查答未找到。',
      en: 'For a firm’s staff: one completed visit of their firm, each finding with its requirement, due date and photos, the rating and whether they may rate; another firm’s or an unfinished visit is not found.',
    },
    signedIn: true,
  },
  'inspectionVisit.rate': {
    summary: { 'zh-CN': '评价检查', en: 'Rate a visit' },
    description: {
      'zh-CN':
        '企业人员对本企业已完成的检查评分（1–5 分，可附意见），每次检查只能评价一次，再次评价答冲突。写入审计日志。',
      en: 'A firm’s staff rate their firm’s completed visit (1–5, an optional comment), once per visit; a second rating is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionRectification.confirm': {
    summary: { 'zh-CN': '确认整改完成', en: 'Confirm a rectification' },
    description: {
      'zh-CN':
        '企业人员确认本企业某个问题已整改完成并附说明（照片先另行上传），同时通知该次检查的检查组，交由检查事项所属部门验收；被退回后可再次确认，并同时通知该部门工作人员待其验收，其余情况重复确认答冲突。写入审计日志。',
      en: 'A firm’s staff confirm an issue of their firm rectified, with a note (photos are uploaded first), and the visit’s team are told; the item’s department then verifies it. Again only after a return, when the staff of that department are told too that it awaits them; otherwise a second confirmation is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionRectification.accept': {
    summary: { 'zh-CN': '整改验收通过', en: 'Accept a rectification' },
    description: {
      'zh-CN':
        '检查事项所属部门的工作人员对企业已报告完成的整改验收通过，整改即销号，同时通知企业人员；只能验收一次。尚未报告、已退回待企业重新整改、已验收或在此期间企业重新报告的，答冲突并说明原因。写入审计日志。',
      en: 'The staff of the department whose item found the issue accept a rectification the firm reported done, which closes it, and the firm’s staff are told; once only. One not reported, returned and awaiting the firm, already accepted, or reported again meanwhile is a conflict naming why. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionRectification.return': {
    summary: { 'zh-CN': '退回重新整改', en: 'Return a rectification' },
    description: {
      'zh-CN':
        '检查事项所属部门的工作人员说明理由，将企业已报告完成的整改退回：企业的报告清除，整改重新待办，仍按原整改期限计算；企业人员收到退回通知及理由，可再次确认整改完成。与验收相同的状态冲突。写入审计日志。',
      en: 'The staff of the department whose item found the issue return a reported rectification with a reason: the firm’s report is cleared and the rectification is open again against its original due date; the firm’s staff are told the reason and may confirm it again. The same conflicts as an acceptance. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'inspectionRectificationPhoto.add': {
    summary: { 'zh-CN': '上传整改材料', en: 'Add a rectification file' },
    description: {
      'zh-CN':
        '企业人员为本企业尚未确认整改的问题上传整改照片或材料（JPEG、PNG 或 PDF），类型按内容识别并限制大小。写入审计日志。',
      en: 'A firm’s staff add a photo or document (JPEG, PNG or PDF) to an issue of their firm not yet confirmed rectified; the type is read from the content and the size is capped. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', ...upload],
  },
  'inspectionRectificationPhoto.read': {
    summary: { 'zh-CN': '查看整改材料', en: 'Read a rectification file' },
    description: {
      'zh-CN': '下载一份整改材料；检查组、区级管理员、纪委和该企业人员可查看。',
      en: 'Downloads a rectification file, for the visit’s team, the district office, the discipline commission and the firm’s staff.',
    },
    signedIn: true,
  },
  'inspectionRectificationPhoto.remove': {
    summary: { 'zh-CN': '删除整改材料', en: 'Remove a rectification file' },
    description: {
      'zh-CN': '企业人员在确认整改前删除一份整改材料。写入审计日志。',
      en: 'A firm’s staff remove a rectification file before confirming the rectification. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'inspectionsPublic.draws': {
    summary: { 'zh-CN': '公开的抽查', en: 'Public draws' },
    description: {
      'zh-CN':
        '分页公开已公告的抽查任务（一公开）：种子哈希和冻结的输入，抽取后还有种子和结果，任何人可据此复算；草稿不公开，不需要登录。',
      en: 'The announced draws, paged: the seed hash and the frozen input, and once drawn the seed and the result, so anyone can recompute the draw; drafts are not public, and no sign-in is needed.',
    },
  },
  'inspectionsPublic.drawNames': {
    summary: { 'zh-CN': '抽查结果名称', en: 'Names behind a draw' },
    description: {
      'zh-CN': '一项公开抽查中各编号对应的企业、执法人员（姓名脱敏，附部门）和检查事项名称；草稿答未找到。',
      en: 'The names behind a public draw’s ids: firms, inspectors (masked, with their department) and items; a draft is not found.',
    },
  },
  'inspectionsPublic.results': {
    summary: { 'zh-CN': '公开的检查结果', en: 'Public inspection results' },
    description: {
      'zh-CN':
        '分页公开每次已完成检查的结果（一公开），按日期倒序：各事项结论及整改是否完成；备注、整改要求、照片和检查人员不公开。',
      en: 'Every completed visit’s outcome, latest first and paged: each item’s result and whether its rectification is done; notes, requirements, photos and the team are not published.',
    },
  },
  'inspectionsPublic.check': {
    summary: { 'zh-CN': '亮码检查核验', en: 'Check a visit’s code' },
    description: {
      'zh-CN':
        '企业扫描检查组出示的检查码后看到的页面（亮码检查）：日期、检查人员及其部门、可检查的事项及执法依据；未知的码、未发布计划的码或完成已超过 30 天的码答未找到。每个地址每分钟的查询次数有限，超出时答操作过于频繁。',
      en: 'What a firm sees on scanning the team’s code: the date, the team by name and department, and the items they may check with their legal basis; an unknown code, one of an unpublished plan, or one completed over 30 days ago is not found. Look-ups are limited per address per minute; past that they are refused as too many.',
    },
    errors: ['RATE_LIMITED'],
  },
};
