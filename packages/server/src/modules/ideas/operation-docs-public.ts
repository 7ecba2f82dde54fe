import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The public site of the campaign (大讨论 · 建言献策): no account needed. */
export const publicIdeaDocs: OperationDocs = {
  'ideasPublic.campaign': {
    summary: { 'zh-CN': '当期大讨论', en: 'Current campaign' },
    description: {
      'zh-CN':
        '返回当期大讨论的设置（主题、起止日期、建议领域、重点方向、评审细则、问卷等），并说明今天是否仍在征集期内；尚未设定当期大讨论时答未找到。',
      en: 'The current campaign’s settings (theme, period, domains, focus areas, rubric, survey …) and whether its intake is open today; not found when no campaign is current.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.submit': {
    summary: { 'zh-CN': '提交建议', en: 'Submit a suggestion' },
    description: {
      'zh-CN':
        '群众或企业向当期大讨论提交一条建议：自动判断所属领域、查找相近建议，返回查询码。登录后提交的记在本人名下。征集期结束后答冲突；按地址限流，但检查通过后因情况变化而被退回的提交（其间征集期结束 campaign_closed，或所选领域被移除 domain_removed）不占用限流次数。写入审计日志。',
      en: 'A citizen or firm submits a suggestion to the current campaign: its domain is guessed, near duplicates are looked up, and a tracking code is returned. Signed in, it is recorded as the person’s own. After the intake period it is a conflict; throttled by address, though a submission refused for a change since its checks passed (the period ended meanwhile, campaign_closed, or the chosen domain was removed, domain_removed) costs no try of that limit. Audited.',
    },
    errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
  },
  'ideasPublic.similar': {
    summary: { 'zh-CN': '查找相近建议', en: 'Find similar suggestions' },
    description: {
      'zh-CN':
        '填写建议时按草稿文字推测领域，并列出仍可点赞的相近建议（号码已遮盖）；不保存草稿。按地址（登录后按账号）限流。',
      en: 'While a suggestion is typed: the likely domain of the draft and the near suggestions one may still support (numbers masked); the draft is not stored. Throttled per address (per account when signed in).',
    },
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  },
  'ideasPublic.recent': {
    summary: { 'zh-CN': '最新建议摘要', en: 'Newest suggestions, short' },
    description: {
      'zh-CN':
        '当期大讨论中仍开放的最新建议的标题和正文开头（号码已遮盖），最多 50 条（未指定 limit 时 20 条）；全部建议请分页浏览 GET /public/suggestions。',
      en: 'Titles and the opening of the bodies of the current campaign’s newest open suggestions (numbers masked), at most 50 (20 unless `limit` says); page through them all with GET /public/suggestions.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.list': {
    summary: { 'zh-CN': '浏览建议', en: 'Browse suggestions' },
    description: {
      'zh-CN':
        '分页列出当期大讨论中已公开的建议，可按关键词、领域、镇街和状态筛选；有关键词时按相关度排序并标出命中的词。',
      en: 'The current campaign’s published suggestions, paged, filtered by words, domain, town and status; with words, the most relevant first with the matched words marked.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.read': {
    summary: { 'zh-CN': '查看建议', en: 'Read a suggestion' },
    description: {
      'zh-CN': '返回一条已公开的建议；尚未通过初筛或不公开的建议答未找到。',
      en: 'One published suggestion; one not (yet) shown to the public is not found.',
    },
  },
  'ideasPublic.track': {
    summary: { 'zh-CN': '凭查询码查进度', en: 'Track by code' },
    description: {
      'zh-CN':
        '凭提交时得到的 10 位查询码查看本人建议（含尚未公开的）的处理经过、采纳后的办理进度和发给该查询码的消息。同一地址试查的查询码多于常人所需时，暂时拒绝（RATE_LIMITED）。',
      en: 'With the 10-character tracking code given at submission: the suggestion (also one not yet public), its history, the progress of actions adopted from it and the messages sent to the code. An address trying more codes than a person would is refused for a while (RATE_LIMITED).',
    },
    errors: ['RATE_LIMITED'],
  },
  'ideasPublic.stats': {
    summary: { 'zh-CN': '参与统计', en: 'Participation figures' },
    description: {
      'zh-CN':
        '当期大讨论的公开统计：参与人次、建议数，以及按日期、渠道、镇街、身份、参与方式、领域和状态的分布。',
      en: 'The current campaign’s public figures: participations and suggestions, by day, channel, town, author kind, kind of participation, domain and status.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.lists': {
    summary: { 'zh-CN': '公布的榜单', en: 'Published honour lists' },
    description: {
      'zh-CN':
        '当期大讨论已公布的十大金点子、十大好点子和十大难题榜单及其条目；条目标题和推荐语中的手机号、身份证号已脱敏。',
      en: 'The current campaign’s published honour lists (top ten golden ideas, good ideas, hard problems) with their entries; phone and ID numbers in an entry’s title and citation are masked.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.entrySuggestions': {
    summary: { 'zh-CN': '榜单条目的建议', en: 'Suggestions behind an entry' },
    description: {
      'zh-CN':
        '已公布榜单中一个条目（如一道难题）所汇集的、公众可见的建议，点赞多的在前，最多 100 条；未公布的条目答未找到。',
      en: 'The suggestions the public may read behind an entry of a published list (a hard problem’s cluster, say), most supported first, at most 100; an unpublished entry is not found.',
    },
  },
  'ideasPublic.actions': {
    summary: { 'zh-CN': '采纳办理情况', en: 'Adopted actions' },
    description: {
      'zh-CN': '当期大讨论中被采纳转为部门任务的事项，及各事项的责任单位、期限和历次进度。',
      en: 'The current campaign’s adopted actions: owner unit, due date and every progress report.',
    },
    errors: ['NOT_FOUND'],
  },
  'ideasPublic.comment': {
    summary: { 'zh-CN': '发表评论', en: 'Comment on a suggestion' },
    description: {
      'zh-CN':
        '对一条开放中的公开建议发表评论，计一次参与；评论经初筛员审核发布后才公开。匿名评论按地址限流。写入审计日志。',
      en: 'A comment on an open public suggestion, counted as one participation; it is shown once a screener publishes it. Anonymous comments are throttled by address. Audited.',
    },
    errors: ['RATE_LIMITED'],
  },
  'ideasPublic.comments': {
    summary: { 'zh-CN': '建议的评论', en: 'Comments on a suggestion' },
    description: {
      'zh-CN': '一条公开建议下已发布的评论，按时间先后，署名和号码已遮盖，最多 200 条。',
      en: 'The published comments of a public suggestion, oldest first, names and numbers masked, at most 200.',
    },
  },
  'ideasPublic.answerSurvey': {
    summary: { 'zh-CN': '填写问卷', en: 'Answer the survey' },
    description: {
      'zh-CN':
        '回答当期大讨论的问卷：逐题核对选项和必答题；每人一份（登录按账号，匿名按浏览器和地址），重复提交不再计数。首次提交计一次参与，写入审计日志；匿名提交按地址限流。本期无问卷时答状态不允许；征集期结束后问卷随之截止，答冲突（survey_closed）。',
      en: 'Answers to the current campaign’s survey, checked against each question; one set per person (per account, or per browser and address), a second is not counted. A first answer is a participation and audited; anonymous answers are throttled by address. A campaign without a survey refuses it; the survey closes with the intake period, after which an answer is a conflict (survey_closed).',
    },
    errors: ['NOT_FOUND', 'INVALID_STATE', 'CONFLICT', 'RATE_LIMITED'],
  },
  'ideasPublic.supportCode': {
    summary: { 'zh-CN': '发送点赞验证码', en: 'Send a support code' },
    description: {
      'zh-CN':
        '匿名点赞前向手机号发送六位验证码；建议须仍开放。同一号码同一用途每分钟一次、每天最多 10 次（各用途分开计数，也不使其他用途未用的验证码失效），另按地址限流。',
      en: 'Sends a six-digit code to a phone before an anonymous support; the suggestion must still be open. One per phone and purpose a minute and ten a day (each purpose counted apart, and a code for one purpose leaves the phone’s pending codes for others valid), and throttled by address.',
    },
    errors: ['INVALID_STATE', 'RATE_LIMITED'],
  },
  'ideasPublic.support': {
    summary: { 'zh-CN': '点赞建议', en: 'Support a suggestion' },
    description: {
      'zh-CN':
        '为一条开放中的建议点赞：登录用户每个账号一次；匿名须提供手机号和验证码，每个手机号、浏览器和地址各一次。计入的点赞增加点赞数并计一次参与，写入审计日志；重复点赞不计。',
      en: 'Supports an open suggestion: once per account when signed in; anonymously with a phone and its code, once per phone, browser and address. A counted support raises the count, is a participation and is audited; a repeated one is not counted.',
    },
    errors: ['INVALID_STATE', 'RATE_LIMITED'],
  },
};
