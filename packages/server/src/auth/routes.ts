import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../http/middleware.js';
import { errors, jsonBody, jsonOk, NoContent, newRouter, requireUser, z } from '../http/route-helpers.js';
import {
  acceptInvitation,
  describeInvitation,
  displayName,
  loginName,
  password,
  phone,
  Role,
  UserView,
} from '../modules/users/api.js';
import { devicesRouter, deviceTokensFrom, setDeviceCookie } from './device-routes.js';
import type { Principal } from './principal.js';
import { recoverPassword, requestRecoveryCode } from './recover.js';
import { registerCitizen, requestRegistrationCode } from './register.js';
import { changePassword, login, logout } from './service.js';

const tags = ['auth'];

export const Session = z
  .object({
    user: z
      .object({
        id: z.uuid(),
        login: z.string(),
        displayName: z.string(),
        mustChangePassword: z.boolean(),
        grants: z.array(z.object({ role: Role, unitId: z.uuid() })),
      })
      .nullable(),
    csrfToken: z.string().nullable(),
    /** The console pages this person may open, decided by each module's policy. */
    menu: z.array(z.object({ path: z.string(), label: z.string() })),
    /**
     * The actions this person may start, each with the unit paths whose subtrees it covers,
     * decided by each module's policy ("new", "import" and the like).
     */
    abilities: z.array(z.object({ action: z.string(), scopes: z.array(z.string()) }).openapi('Ability')),
  })
  .openapi('Session');

type SessionOf = (p: Principal | null) => Pick<z.infer<typeof Session>, 'menu' | 'abilities'>;

const sessionView = (p: Principal | null, consoleFor: SessionOf): z.infer<typeof Session> => ({
  user: p
    ? {
        id: p.userId,
        login: p.login,
        displayName: p.displayName,
        mustChangePassword: p.mustChangePassword,
        grants: p.grants.map(({ role, unitId }) => ({ role, unitId })),
      }
    : null,
  csrfToken: p?.csrfToken ?? null,
  ...consoleFor(p),
});

const getSession = createRoute({
  method: 'get',
  path: '/auth/session',
  operationId: 'auth.session',
  tags,
  responses: { 200: jsonOk(Session) },
});

const postLogin = createRoute({
  method: 'post',
  path: '/auth/login',
  operationId: 'auth.login',
  tags,
  request: jsonBody(
    z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
  ),
  responses: { 200: jsonOk(Session), ...errors },
});

const postLogout = createRoute({
  method: 'post',
  path: '/auth/logout',
  operationId: 'auth.logout',
  tags,
  responses: { 204: NoContent, ...errors },
});

const postPassword = createRoute({
  method: 'post',
  path: '/auth/password',
  operationId: 'auth.changePassword',
  tags,
  request: jsonBody(z.object({ current: z.string().min(1).max(256), next: password }).strict()),
  responses: { 204: NoContent, ...errors },
});

const CodeSent = z
  .object({ expiresInSeconds: z.number().int(), resendInSeconds: z.number().int() })
  .openapi('CodeSent');

const postCode = createRoute({
  method: 'post',
  path: '/auth/register/code',
  operationId: 'auth.requestCode',
  tags,
  request: jsonBody(z.object({ phone }).strict()),
  responses: { 200: jsonOk(CodeSent), ...errors },
});

const postRecoveryCode = createRoute({
  method: 'post',
  path: '/auth/recover/code',
  operationId: 'auth.requestRecoveryCode',
  tags,
  request: jsonBody(z.object({ phone }).strict()),
  responses: { 200: jsonOk(CodeSent), ...errors },
});

const postRecover = createRoute({
  method: 'post',
  path: '/auth/recover',
  operationId: 'auth.recoverPassword',
  tags,
  request: jsonBody(z.object({ phone, code: z.string().regex(/^\d{6}$/), password }).strict()),
  responses: { 204: NoContent, ...errors },
});

const postRegister = createRoute({
  method: 'post',
  path: '/auth/register',
  operationId: 'auth.register',
  tags,
  request: jsonBody(z.object({ phone, code: z.string().regex(/^\d{6}$/), password, displayName }).strict()),
  responses: { 201: jsonOk(UserView, 'Registered'), ...errors },
});

const TokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const getInvitation = createRoute({
  method: 'get',
  path: '/auth/invitations/{token}',
  operationId: 'invitation.describe',
  tags,
  request: { params: TokenParam },
  responses: {
    200: jsonOk(z.object({ displayName: z.string(), expiresAt: z.string() }).openapi('InvitationInfo')),
    ...errors,
  },
});

const postAccept = createRoute({
  method: 'post',
  path: '/auth/invitations/{token}/accept',
  operationId: 'invitation.accept',
  tags,
  request: { params: TokenParam, ...jsonBody(z.object({ login: loginName, password }).strict()) },
  responses: { 201: jsonOk(UserView, 'Account created'), ...errors },
});

export function authRouter(options: { sessionDays: number; secureCookies: boolean; consoleFor: SessionOf }) {
  const router = newRouter();
  // Authentication before validation: an anonymous caller learns nothing of the schema.
  router.use('/auth/password', async (c, next) => {
    requireUser(c.get('principal'));
    await next();
  });
  return router
    .openapi(getSession, (c) => c.json(sessionView(c.get('principal'), options.consoleFor), 200))
    .openapi(postLogin, async (c) => {
      const body = c.req.valid('json');
      const result = await login(
        c.get('ctx'),
        { ...body, userAgent: c.req.header('user-agent'), deviceTokens: deviceTokensFrom(c) },
        options.sessionDays,
      );
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secureCookies,
        path: '/',
        expires: result.expiresAt,
      });
      if (result.deviceTokens) setDeviceCookie(c, result.deviceTokens, options.secureCookies);
      return c.json(sessionView(result.principal, options.consoleFor), 200);
    })
    .openapi(postLogout, async (c) => {
      await logout(c.get('ctx'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(postPassword, async (c) => {
      await changePassword(c.get('ctx'), c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(postCode, async (c) =>
      c.json(await requestRegistrationCode(c.get('ctx'), c.req.valid('json').phone), 200),
    )
    .openapi(postRegister, async (c) => c.json(await registerCitizen(c.get('ctx'), c.req.valid('json')), 201))
    .openapi(postRecoveryCode, async (c) =>
      c.json(await requestRecoveryCode(c.get('ctx'), c.req.valid('json').phone), 200),
    )
    .openapi(postRecover, async (c) => {
      await recoverPassword(c.get('ctx'), c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(getInvitation, async (c) =>
      c.json(await describeInvitation(c.get('ctx'), c.req.valid('param').token), 200),
    )
    .openapi(postAccept, async (c) =>
      c.json(await acceptInvitation(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 201),
    )
    .route('/', devicesRouter());
}
