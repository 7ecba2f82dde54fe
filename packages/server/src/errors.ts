import { z } from 'zod';

/** Every error the API can return, by stable code; the HTTP status of each lives here only. */
export const ErrorCode = z.enum([
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CSRF',
  'PASSWORD_CHANGE_REQUIRED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_CREDENTIALS',
  'INVALID_STATE',
  'INTERNAL',
  'UNAVAILABLE',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const errorStatus: Record<
  ErrorCode,
  400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503
> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_CREDENTIALS: 401,
  INVALID_STATE: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export const errorTitles: Record<ErrorCode, { 'zh-CN': string; en: string }> = {
  VALIDATION: { 'zh-CN': '提交的内容有误', en: 'The request is invalid' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到', en: 'Not found' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'Conflicts with existing data' },
  CSRF: { 'zh-CN': '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and retry' },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '请先修改初始密码或重置后的密码',
    en: 'Change the password you were given before anything else',
  },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '内容过大', en: 'The content is too large' },
  REQUEST_TIMEOUT: {
    'zh-CN': '长时间未收到上传的内容，请检查网络后重新上传',
    en: 'Nothing of the upload arrived for too long; check the connection and send it again',
  },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  INVALID_CREDENTIALS: { 'zh-CN': '账号或密码错误', en: 'Wrong account or password' },
  INVALID_STATE: { 'zh-CN': '当前状态不允许此操作', en: 'Not allowed in the current state' },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: { 'zh-CN': '服务正在重启，请稍后重试', en: 'The server is restarting; try again shortly' },
};

export interface FieldError {
  path: string;
  /** English, for logs and API users; pages word the error from `code` and `params`. */
  message: string;
  /** Stable reason (zod's issue code, or the service's own such as `unknown_town`). */
  code?: string;
  params?: Record<string, string | number>;
}

/** The only error services throw; anything else reaches the client as INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
  get status() {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (detail = 'forbidden') => new AppError('FORBIDDEN', detail);
