import type { OperationDocs } from '../../openapi/operation-docs.js';

/** 千企万众评效能: the office's surveys, a firm's answer, and the public's answers and results. */
export const businessSurveyDocs: OperationDocs = {
  'survey.list': {
    summary: { 'zh-CN': '效能评议问卷', en: 'Surveys' },
    description: {
      'zh-CN':
        '千企万众评效能：列出全部问卷及其状态、参评部门数和企业、群众的答卷数；区级管理员（区一级）和纪委可查看。',
      en: 'Every survey with its state, the number of departments and of answers by firms and by the public; for the district office and the discipline commission.',
    },
    signedIn: true,
  },
  'survey.defaultQuestions': {
    summary: { 'zh-CN': '默认评议题目', en: 'Default questions' },
    description: {
      'zh-CN':
        '新问卷的默认题目（办事效率、服务态度、政策落实、廉洁自律），区级管理员可在开放前修改；任何登录用户可查看。',
      en: 'The default questions of a new survey (efficiency, attitude, policy delivery, integrity), which the office edits before it opens; for any signed-in user.',
    },
    signedIn: true,
  },
  'survey.create': {
    summary: { 'zh-CN': '新建问卷', en: 'Draft a survey' },
    description: {
      'zh-CN':
        '区级管理员（区一级）起草一份问卷：标题、起止日期、对象（企业、群众或两者）、题目、参评部门及各部门的附加题目；参评单位须为部门。写入审计日志。',
      en: 'The district office drafts a survey: title, dates, audience (firms, the public or both), questions, and the departments rated with their extra questions; each must be a department. Audited.',
    },
    signedIn: true,
  },
  'survey.read': {
    summary: { 'zh-CN': '查看问卷', en: 'Read a survey' },
    description: {
      'zh-CN': '一份问卷（任何状态）的设置、题目和参评部门；区级管理员（区一级）和纪委可查看。',
      en: 'A survey in any state, with its settings, questions and departments; for the district office and the discipline commission.',
    },
    signedIn: true,
  },
  'survey.update': {
    summary: { 'zh-CN': '修改问卷', en: 'Change a survey' },
    description: {
      'zh-CN':
        '区级管理员（区一级）修改草稿问卷的标题、日期、对象、题目和参评部门；开放后不能再改。写入审计日志。',
      en: 'The district office changes a draft’s title, dates, audience, questions and departments; once open, none of them changes. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'survey.open': {
    summary: { 'zh-CN': '开放问卷', en: 'Open a survey' },
    description: {
      'zh-CN': '区级管理员（区一级）开放草稿问卷接受答卷，此后题目和参评部门固定。写入审计日志。',
      en: 'The district office opens a draft to answers; its questions and departments are fixed from then on. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'survey.setEnd': {
    summary: { 'zh-CN': '调整问卷截止日', en: 'Move a survey’s last day' },
    description: {
      'zh-CN':
        '区级管理员（区一级）调整已开放问卷的截止日（延长或提前，不早于今天和开始日）；问卷只在起止日期内接受答卷。写入审计日志。',
      en: 'The district office moves an open survey’s last day (later or earlier, not before today nor its first day); a survey takes answers only within its dates. Audited.',
    },
    signedIn: true,
    errors: ['VALIDATION'],
  },
  'survey.close': {
    summary: { 'zh-CN': '关闭问卷', en: 'Close a survey' },
    description: {
      'zh-CN':
        '区级管理员（区一级）关闭问卷，停止答卷；结果随即公开，并自当日起计入部门效能评分。写入审计日志。',
      en: 'The district office closes a survey to answers; its results are published and count on the scorecard from that day. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'survey.results': {
    summary: { 'zh-CN': '问卷结果', en: 'Survey results' },
    description: {
      'zh-CN':
        '任何状态问卷的分部门结果：各题平均分、总平均分、4–5 分占比，以及评议该部门的企业和群众人数；区级管理员（区一级）和纪委可在公开前查看。',
      en: 'A survey’s results in any state, per department: each question’s mean, the overall mean, the share of 4s and 5s, and how many firms and members of the public rated it; for the district office and the discipline commission, before they are published.',
    },
    signedIn: true,
  },
  'survey.firmList': {
    summary: { 'zh-CN': '本企业待答问卷', en: 'My firm’s surveys' },
    description: {
      'zh-CN': '企业人员查看面向企业开放的问卷，及本企业是否已答；未关联企业的账号返回空列表。',
      en: 'For a firm’s staff: the open surveys for firms, and whether their firm has answered each; an account of no firm gets none.',
    },
    signedIn: true,
  },
  'survey.firmForm': {
    summary: { 'zh-CN': '问卷表单', en: 'A survey’s form' },
    description: {
      'zh-CN': '企业人员打开一份问卷的表单（题目和参评部门）；草稿答未找到。',
      en: 'For a firm’s staff: a survey’s form (questions and departments); a draft is not found.',
    },
    signedIn: true,
  },
  'survey.answerFirm': {
    summary: { 'zh-CN': '企业答卷', en: 'Answer for my firm' },
    description: {
      'zh-CN':
        '企业人员代表本企业对开放中的问卷答卷，须答完每个参评部门的全部题目；每家企业每份问卷只答一次，无论由谁答，重复答冲突（字段 firm，代码 survey_answered_by_firm）。答卷时已被移出本企业人员的答未找到。意见中的号码会被遮盖。写入审计日志。',
      en: 'A firm’s staff answer an open survey for their firm, every question of each department; one answer per firm and survey, whoever gives it, and a second is a conflict (field firm, code survey_answered_by_firm). One taken off the firm’s staff meanwhile is not found. Numbers in comments are masked. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'businessPublic.surveys': {
    summary: { 'zh-CN': '公开的问卷', en: 'Public surveys' },
    description: {
      'zh-CN': '面向群众开放中的问卷，以及全部已关闭问卷（可查看结果）；不需要登录。',
      en: 'The surveys open to the public, and every closed one (with its results); no sign-in needed.',
    },
  },
  'businessPublic.survey': {
    summary: { 'zh-CN': '问卷表单（公开）', en: 'A survey’s form (public)' },
    description: {
      'zh-CN': '一份问卷的表单（题目和参评部门），不需要登录；草稿答未找到。',
      en: 'A survey’s form (questions and departments), with no sign-in; a draft is not found.',
    },
  },
  'businessPublic.surveyResults': {
    summary: { 'zh-CN': '问卷结果（公开）', en: 'Survey results (public)' },
    description: {
      'zh-CN': '已关闭问卷的分部门结果（各题平均分、4–5 分占比和答卷人数）；未关闭的答未找到，不需要登录。',
      en: 'A closed survey’s results per department (each question’s mean, the share of 4s and 5s, how many answered); one not closed is not found. No sign-in needed.',
    },
  },
  'businessPublic.surveyCode': {
    summary: { 'zh-CN': '发送答卷验证码', en: 'Send an answer code' },
    description: {
      'zh-CN':
        '向打算答卷的手机号发送六位验证码，问卷须面向群众且正在开放；同一号码同一用途每分钟一次、每天最多 10 次（各用途分开计数，也不使其他用途未用的验证码失效），另按地址限流。',
      en: 'Sends a six-digit code to a phone that means to answer a survey open to the public; one per phone and purpose a minute and ten a day (each purpose counted apart, and a code for one purpose leaves the phone’s pending codes for others valid), and throttled by address.',
    },
    errors: ['RATE_LIMITED'],
  },
  'businessPublic.surveyAnswer': {
    summary: { 'zh-CN': '群众答卷', en: 'Answer a survey' },
    description: {
      'zh-CN':
        '群众凭手机验证码对面向群众开放中的问卷答卷；手机号只以每份问卷单独加盐的哈希保存，每个号码每份问卷一次，重复答冲突（字段 phone，代码 survey_answered_by_phone）；验证码在同一事务中作废。写入审计日志。',
      en: 'A member of the public answers a survey open to them, the phone proven by its code; the phone is kept only as a hash salted per survey, once per phone and survey (a second is a conflict: field phone, code survey_answered_by_phone), and the code is used up in the same step. Audited.',
    },
    errors: ['CONFLICT'],
  },
};
