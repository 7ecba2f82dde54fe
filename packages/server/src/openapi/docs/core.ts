import type { OperationDocs } from '../operation-docs.js';

/** The platform's own operations: health, sign-in and accounts, invitations, audit, my work. */
export const coreDocs: OperationDocs = {
  health: {
    summary: { 'zh-CN': '健康检查', en: 'Health check' },
    description: {
      'zh-CN': '返回服务版本和数据库是否可用，供负载均衡和监控探测；不需要登录。',
      en: 'The service version and whether the database answers, for load balancers and monitors; no sign-in needed.',
    },
  },
  'auth.session': {
    summary: { 'zh-CN': '当前会话', en: 'Current session' },
    description: {
      'zh-CN': '返回登录用户（未登录为 null）、用于写操作的 CSRF 令牌，以及该用户可见的控制台菜单和能力。',
      en: 'The signed-in user (null when signed out), the CSRF token for writes, and the console menu and abilities the user has.',
    },
  },
  'auth.login': {
    summary: { 'zh-CN': '登录', en: 'Sign in' },
    description: {
      'zh-CN': '用登录名（或手机号）和密码登录，设置会话 Cookie。连续失败会被限流；每次登录写入审计日志。',
      en: 'Signs in with a login name (or phone) and password and sets the session cookie. Repeated failures are throttled; each sign-in is audited.',
    },
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
  },
  'auth.logout': {
    summary: { 'zh-CN': '退出登录', en: 'Sign out' },
    description: { 'zh-CN': '结束当前会话并清除 Cookie。', en: 'Ends the session and clears its cookie.' },
  },
  'auth.changePassword': {
    summary: { 'zh-CN': '修改密码', en: 'Change password' },
    description: {
      'zh-CN':
        '核对当前密码后设置新密码（须符合密码规则且不同于当前密码）；别人代设的密码须先改成自己的。核对后管理员又重置了密码的，以重置为准，本次修改答冲突（字段 current、代码 password_reset_meanwhile）。写入审计日志。',
      en: 'Sets a new password after checking the current one (it must meet the password rules and differ from the current one); a password set by someone else must be changed first. A reset by an administrator made after the check stands and the change is refused (CONFLICT, field current, code password_reset_meanwhile). Audited.',
    },
    signedIn: true,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'CONFLICT'],
  },
  'auth.devices': {
    summary: { 'zh-CN': '我的常用设备', en: 'My remembered devices' },
    description: {
      'zh-CN':
        '列出本账号记住的浏览器：首次和最近登录时间、打码的地址、浏览器概要，以及是否就是当前浏览器。在记住的设备上登录只按该设备自己的失败次数限流，不受来自别处的猜测所致的账号限流影响；记住 180 天。',
      en: 'Lists the browsers this account remembers: when each first and last signed in, its masked address, its browser in brief, and whether it is the browser asking. A sign-in from a remembered device is limited by that device’s own wrong tries, not by the account’s limits that guessing from elsewhere reaches; a device is remembered for 180 days.',
    },
    signedIn: true,
  },
  'auth.forgetDevice': {
    summary: { 'zh-CN': '移除常用设备', en: 'Forget a remembered device' },
    description: {
      'zh-CN': '移除本账号记住的一个设备，其后在该设备上登录按一般限流；不结束已有会话。写入审计日志。',
      en: 'Forgets one of the account’s remembered devices: its sign-ins are then limited as any browser’s. Sessions already open stay. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND'],
  },
  'auth.requestCode': {
    summary: { 'zh-CN': '发送注册验证码', en: 'Send a sign-up code' },
    description: {
      'zh-CN':
        '向手机号发送六位验证码，用于注册群众账号、匿名支持或认领建议；同一号码同一用途每分钟一次、每天最多 10 次（各用途分开计数，也不使其他用途未用的验证码失效），另按地址限流。单位树中尚无本区时答状态不符（no_district），不发送也不计数。',
      en: 'Sends a six-digit code to a phone, for a citizen account, an anonymous support or claiming a suggestion; one per phone and purpose a minute and ten a day (each purpose counted apart, and a code for one purpose leaves the phone’s pending codes for others valid), and throttled by address. While the unit tree has no district yet it is refused (no_district), nothing sent or counted.',
    },
    errors: ['INVALID_STATE', 'RATE_LIMITED'],
  },
  'auth.register': {
    summary: { 'zh-CN': '注册群众账号', en: 'Register a citizen account' },
    description: {
      'zh-CN': '用手机号、验证码和密码注册群众账号并登录；手机号已注册时答冲突。写入审计日志。',
      en: 'Registers a citizen account with a phone, its code and a password, and signs in; a phone already registered is a conflict. Audited.',
    },
    errors: ['CONFLICT', 'INVALID_STATE', 'RATE_LIMITED'],
  },
  'auth.requestRecoveryCode': {
    summary: { 'zh-CN': '发送找回密码验证码', en: 'Send a password recovery code' },
    description: {
      'zh-CN':
        '手机号是某个群众自己注册的账号（登录名即手机号、未停用、只有群众角色）时，向它发送六位验证码；不是时答复相同但不发送，以免透露哪些号码已注册。限流同其他验证码（同一号码每分钟一次、每天最多 10 次），但单独计数，为其他用途索取的验证码不占用这些次数。工作人员账号请找管理员重置。',
      en: 'Sends a six-digit code when the phone is that of an account its owner registered (the login is the phone, enabled, with no role but citizen); otherwise answers alike without sending, so the answer tells no one which numbers are registered. Limited as the other codes are (one a minute and ten a day per phone), but counted apart from them, so codes asked for other purposes never use these up. A staff account is reset by its admin.',
    },
    errors: ['RATE_LIMITED'],
  },
  'auth.recoverPassword': {
    summary: { 'zh-CN': '找回密码', en: 'Recover a password' },
    description: {
      'zh-CN':
        '凭手机收到的验证码为群众账号设置新密码（须符合密码规则），账号在所有设备上退出登录。写入审计日志。',
      en: 'Sets a new password (meeting the password rules) for a citizen account with the code sent to its phone; the account is signed out everywhere. Audited.',
    },
  },
  'invitation.describe': {
    summary: { 'zh-CN': '查看邀请', en: 'Read an invitation' },
    description: {
      'zh-CN':
        '按邀请链接中的令牌返回受邀人的姓名和邀请的有效期；已用或过期的邀请答未找到；发出邀请的管理员已停用或已无权授予其中的角色时答状态不符（invitation_issuer_withdrawn），与接受邀请时相同。',
      en: 'The invitee’s name and the invitation’s expiry for the token in an invitation link; a used or expired invitation is not found; one whose issuer is disabled or can no longer give its roles is refused as its acceptance would be (invitation_issuer_withdrawn).',
    },
    errors: ['INVALID_STATE'],
  },
  'invitation.accept': {
    summary: { 'zh-CN': '接受邀请', en: 'Accept an invitation' },
    description: {
      'zh-CN':
        '受邀人设定登录名和密码，创建账号并获得邀请中的角色；登录名已被使用时答冲突；已用或过期的邀请答未找到；发出邀请的管理员已停用或已无权授予其中的角色时答状态不符（invitation_issuer_withdrawn），不创建账号。写入审计日志。',
      en: 'The invitee chooses a login name and password; the account is created with the invitation’s role. A login name in use is a conflict; a used or expired invitation is not found; one whose issuer is disabled or can no longer give its roles is refused (invitation_issuer_withdrawn) and makes no account. Audited.',
    },
    errors: ['CONFLICT', 'INVALID_STATE'],
  },
  'audit.list': {
    summary: { 'zh-CN': '审计日志', en: 'Audit log' },
    description: {
      'zh-CN':
        '按时间倒序分页列出审计事件（谁、何时、做了什么、对哪条记录），可按操作、对象类型、操作人和时间筛选；仅系统管理员。',
      en: 'Audit events newest first, paged (who did what to which record, when), filtered by action, entity type, actor and time; for administrators.',
    },
    signedIn: true,
  },
  'audit.verify': {
    summary: { 'zh-CN': '校验审计链', en: 'Verify the audit chain' },
    description: {
      'zh-CN': '重新计算审计事件的哈希链并与已封存的检查点比对，报告第一处被改动的位置；仅系统管理员。',
      en: 'Recomputes the audit events’ hash chain against the sealed checkpoints and reports the first place it was altered; for administrators.',
    },
    signedIn: true,
  },
  'auditPublic.checkpoints': {
    summary: { 'zh-CN': '公开的审计检查点', en: 'Public audit checkpoints' },
    description: {
      'zh-CN': '公开发布的审计链检查点（序号、时间与哈希），任何人可据此核对平台记录未被事后篡改。',
      en: 'The published checkpoints of the audit chain (sequence, time and hash), so anyone can check that records were not altered afterwards.',
    },
  },
  'me.waiting': {
    summary: { 'zh-CN': '我的待办', en: 'What waits for me' },
    description: {
      'zh-CN': '各模块中等待当前用户处理的事项及数量（待初筛、待评审、待审报告、待答复诉求等），附链接。',
      en: 'The work waiting for the signed-in person in each module, with counts and links (suggestions to screen, reviews, reports, requests to answer …).',
    },
    signedIn: true,
  },
};
