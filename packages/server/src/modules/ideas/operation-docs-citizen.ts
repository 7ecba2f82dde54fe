import type { OperationDocs } from '../../openapi/operation-docs.js';

/** 我的建议 of a citizen or a firm, following and claiming suggestions, and the signed-in inbox. */
export const citizenIdeaDocs: OperationDocs = {
  'ideasMine.suggestions': {
    summary: { 'zh-CN': '我的建议', en: 'My suggestions' },
    description: {
      'zh-CN':
        '登录的群众或企业本人提交（或已关联到账号）的建议，覆盖各期大讨论，最新的在前，分页返回，含各条的状态。',
      en: 'The suggestions the signed-in citizen or firm sent (or attached to the account), from every campaign, newest first, paged, each with its state.',
    },
    signedIn: true,
  },
  'ideasMine.following': {
    summary: { 'zh-CN': '我关注的建议', en: 'Suggestions I follow' },
    description: {
      'zh-CN': '登录的群众或企业关注的建议，最新的在前，分页返回。',
      en: 'The suggestions the signed-in citizen or firm follows, newest first, paged.',
    },
    signedIn: true,
  },
  'ideasMine.followState': {
    summary: { 'zh-CN': '是否已关注', en: 'Whether I follow it' },
    description: {
      'zh-CN': '登录的群众或企业是否关注了这条公开建议；不公开的建议答未找到。',
      en: 'Whether the signed-in citizen or firm follows this public suggestion; one not shown to the public is not found.',
    },
    signedIn: true,
  },
  'suggestion.follow': {
    summary: { 'zh-CN': '关注建议', en: 'Follow a suggestion' },
    description: {
      'zh-CN':
        '群众或企业关注一条公开建议，此后其状态变化发到本人消息箱；重复关注不作改动。新关注写入审计日志。',
      en: 'A citizen or firm follows a public suggestion; its changes of state then reach their inbox. Following again changes nothing. A new follow is audited.',
    },
    signedIn: true,
  },
  'suggestion.unfollow': {
    summary: { 'zh-CN': '取消关注', en: 'Stop following' },
    description: {
      'zh-CN': '群众或企业取消关注一条建议；本未关注也不报错。确有取消时写入审计日志。',
      en: 'A citizen or firm stops following a suggestion; not following it already is no error. An actual change is audited.',
    },
    signedIn: true,
  },
  'ideasMine.claimCode': {
    summary: { 'zh-CN': '发送关联验证码', en: 'Send a claim code' },
    description: {
      'zh-CN':
        '群众或企业要把未登录时提交的建议关联到本人账号：查询码与提交时留的手机号相符后，向该手机号发送验证码。不相符答输入有误（不说明哪一项不符），已关联到账号的答冲突。每个账号每小时限 10 次，另有短信限流。',
      en: 'To attach a suggestion sent without an account: once its tracking code and the phone given with it match, a code is sent to that phone. No match is invalid input (without saying which part); one already attached is a conflict. Ten attempts an hour per account, and the text-message limits.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'RATE_LIMITED'],
  },
  'suggestion.claim': {
    summary: { 'zh-CN': '关联建议到账号', en: 'Attach a suggestion' },
    description: {
      'zh-CN':
        '凭查询码、手机号和验证码把未登录时提交的建议关联到登录的群众或企业账号，验证码随即作废，并向本人发送消息。已关联的答冲突；每个账号每小时限 10 次。写入审计日志。',
      en: 'With the tracking code, the phone and its code, attaches a suggestion sent without an account to the signed-in citizen or firm; the code is used up and a message is sent to them. One already attached is a conflict; ten attempts an hour per account. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT', 'RATE_LIMITED'],
  },
  'inbox.unread': {
    summary: { 'zh-CN': '未读消息数', en: 'Unread messages' },
    description: {
      'zh-CN': '登录用户消息箱中未读消息的数量，供页头角标显示。',
      en: 'How many of the signed-in user’s messages are unread, for the header’s badge.',
    },
    signedIn: true,
  },
  'inbox.list': {
    summary: { 'zh-CN': '我的消息', en: 'My inbox' },
    description: {
      'zh-CN': '登录用户最近的 200 条消息，最新的在前，含是否已读。',
      en: 'The signed-in user’s latest 200 messages, newest first, each saying whether it was read.',
    },
    signedIn: true,
  },
  'inbox.read': {
    summary: { 'zh-CN': '标记消息已读', en: 'Mark a message read' },
    description: {
      'zh-CN': '把本人的一条消息标为已读，已读的不再改动；他人的消息答未找到。首次标记写入审计日志。',
      en: 'Marks one of the caller’s own messages read; one already read is left as it is, another’s is not found. The first marking is audited.',
    },
    signedIn: true,
  },
  'inbox.readAll': {
    summary: { 'zh-CN': '全部标为已读', en: 'Mark all messages read' },
    description: {
      'zh-CN':
        '把本人截至 upTo（页面上最新一条消息的时间）的未读消息标为已读，此后到达的仍为未读；答标记的条数，有标记时写入一条审计日志。',
      en: 'Marks the caller’s unread messages sent up to upTo (the newest the page showed) read, leaving any that arrived since unread, and says how many; audited once when any were marked.',
    },
    signedIn: true,
  },
};
