import type { OperationDocs } from '../../openapi/operation-docs.js';

/** Accounts and their roles, managed by admins within their scope. */
export const userDocs: OperationDocs = {
  'user.list': {
    summary: { 'zh-CN': '账号列表', en: 'Accounts' },
    description: {
      'zh-CN':
        '管理员按关键词（登录名、姓名，或完整手机号、其后四位、遮盖后的形式）和角色分页查找本人辖区内的账号（所有角色都在辖区内的；无角色账号只有区级管理员可见），手机号已遮盖。',
      en: 'An admin’s accounts, paged, found by words (login, name, or a phone whole, by its last four digits or in its masked form) and role: those whose roles all lie in the admin’s scope (accounts without a role only for the district office), phones masked.',
    },
    signedIn: true,
  },
  'user.create': {
    summary: { 'zh-CN': '新建账号', en: 'Create an account' },
    description: {
      'zh-CN':
        '管理员新建账号并授予本人辖区内单位的角色；未设密码时生成初始密码（仅返回一次，首次登录须修改）。登录名或手机号已被使用答冲突。写入审计日志。',
      en: 'An admin creates an account with roles on units of their scope; without a password, an initial one is generated (returned once, to be changed at first sign-in). A login name or phone in use is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
  'user.read': {
    summary: { 'zh-CN': '查看账号', en: 'Read an account' },
    description: {
      'zh-CN': '管理员查看一个账号及其角色；账号的角色超出本人辖区的答未找到。',
      en: 'An account and its roles, for an admin; one with roles outside the admin’s scope is not found.',
    },
    signedIn: true,
  },
  'user.update': {
    summary: { 'zh-CN': '修改账号', en: 'Change an account' },
    description: {
      'zh-CN':
        '管理员修改辖区内账号的显示名，或停用、启用账号；停用即在所有设备上退出登录，不能停用自己。写入审计日志。',
      en: 'An admin renames, disables or enables an account of their scope; disabling signs it out everywhere, and no one may disable themself. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE'],
  },
  'user.assignRoles': {
    summary: { 'zh-CN': '设置角色', en: 'Set roles' },
    description: {
      'zh-CN':
        '管理员整体替换辖区内账号的角色，原有和新授的角色所在单位都须在本人辖区内；不能去掉自己的管理员角色；编辑期间其他管理员授予了辖区外的角色时退回（冲突）。写入审计日志。',
      en: 'An admin replaces the roles of an account of their scope; every unit involved, before and after, must be in their scope, and no one may remove their own admin role; a role outside their scope granted meanwhile by another admin is a conflict. Audited.',
    },
    signedIn: true,
    errors: ['INVALID_STATE', 'CONFLICT'],
  },
  'user.resetPassword': {
    summary: { 'zh-CN': '重置密码', en: 'Reset a password' },
    description: {
      'zh-CN':
        '管理员为辖区内账号生成新的随机密码（仅返回一次，下次登录须修改），并使其在所有设备上退出登录。写入审计日志。',
      en: 'An admin sets a new random password for an account of their scope (returned once, to be changed at next sign-in) and signs it out everywhere. Audited.',
    },
    signedIn: true,
  },
  'user.revokeSessions': {
    summary: { 'zh-CN': '强制下线', en: 'Sign out everywhere' },
    description: {
      'zh-CN': '管理员使辖区内一个账号在所有设备上退出登录。写入审计日志。',
      en: 'An admin signs an account of their scope out of every session. Audited.',
    },
    signedIn: true,
  },
  'invitation.create': {
    summary: { 'zh-CN': '发出邀请', en: 'Invite someone' },
    description: {
      'zh-CN':
        '管理员生成一次性邀请链接，受邀人凭它自设登录名和密码并获得指定角色（所在单位须在本人辖区内），有效期 1 至 30 天，默认 7 天；令牌仅返回一次。写入审计日志。',
      en: 'An admin creates a one-time invitation by which a person sets up their own account with the given roles (on units of the admin’s scope), valid for 1 to 30 days, 7 by default; the token is returned once. Audited.',
    },
    signedIn: true,
  },
  'invitation.list': {
    summary: { 'zh-CN': '邀请列表', en: 'Invitations' },
    description: {
      'zh-CN':
        '管理员按状态（待接受、已接受、已过期、已撤回）分页查看本人本可发出的邀请（所授角色的单位都在本人辖区内），新的在前；受邀人和邀请人姓名已遮盖。',
      en: 'The invitations an admin could have issued (every unit they grant a role on lies in the admin’s scope), by state (open, accepted, expired, revoked), newest first, paged; the invitee’s and the issuer’s names masked.',
    },
    signedIn: true,
  },
  'invitation.revoke': {
    summary: { 'zh-CN': '撤回邀请', en: 'Revoke an invitation' },
    description: {
      'zh-CN':
        '管理员撤回一个尚未被接受的邀请，其链接此后失效；已接受、已过期或已撤回的答冲突，超出本人辖区的答未找到。写入审计日志。',
      en: 'An admin withdraws an invitation nobody has accepted; its link opens nothing from then on. One accepted, expired or revoked already is a conflict; one outside the admin’s scope is not found. Audited.',
    },
    signedIn: true,
    errors: ['CONFLICT'],
  },
};
