import { createRoute } from '@hono/zod-openapi';
import {
  errors,
  IdParam,
  jsonBody,
  jsonOk,
  NoContent,
  Page,
  PageQuery,
  signedInRouter,
  z,
} from '../../../http/route-helpers.js';
import { createInvitation } from '../commands/createInvitation.js';
import { createUser } from '../commands/createUser.js';
import { resetPassword } from '../commands/resetPassword.js';
import { revokeInvitation } from '../commands/revokeInvitation.js';
import { revokeSessions } from '../commands/revokeSessions.js';
import { setUserRoles } from '../commands/setUserRoles.js';
import { updateUser } from '../commands/updateUser.js';
import {
  CreateInvitationInput,
  CreateUserInput,
  InvitationState,
  InvitationView,
  Role,
  RoleGrant,
  UpdateUserInput,
  UserView,
} from '../contracts.js';
import { listInvitations } from '../queries/invitations.js';
import { listUsers, readUser } from '../queries/users.js';

const tags = ['users'];

const list = createRoute({
  method: 'get',
  path: '/users',
  operationId: 'user.list',
  tags,
  request: { query: PageQuery.extend({ q: z.string().max(64).optional(), role: Role.optional() }) },
  responses: { 200: jsonOk(Page(UserView, 'UserPage')), ...errors },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  operationId: 'user.create',
  tags,
  request: jsonBody(CreateUserInput),
  responses: {
    201: jsonOk(
      z.object({ user: UserView, initialPassword: z.string().nullable() }).openapi('CreatedUser'),
      'Created',
    ),
    ...errors,
  },
});

const read = createRoute({
  method: 'get',
  path: '/users/{id}',
  operationId: 'user.read',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonOk(UserView), ...errors },
});

const update = createRoute({
  method: 'patch',
  path: '/users/{id}',
  operationId: 'user.update',
  tags,
  request: { params: IdParam, ...jsonBody(UpdateUserInput) },
  responses: { 200: jsonOk(UserView), ...errors },
});

const assign = createRoute({
  method: 'put',
  path: '/users/{id}/roles',
  operationId: 'user.assignRoles',
  tags,
  request: { params: IdParam, ...jsonBody(z.object({ roles: z.array(RoleGrant).max(20) }).strict()) },
  responses: { 200: jsonOk(UserView), ...errors },
});

const reset = createRoute({
  method: 'post',
  path: '/users/{id}/reset-password',
  operationId: 'user.resetPassword',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ password: z.string() }).openapi('NewPassword')), ...errors },
});

const revoke = createRoute({
  method: 'post',
  path: '/users/{id}/revoke-sessions',
  operationId: 'user.revokeSessions',
  tags,
  request: { params: IdParam },
  responses: { 204: NoContent, ...errors },
});

const invite = createRoute({
  method: 'post',
  path: '/invitations',
  operationId: 'invitation.create',
  tags,
  request: jsonBody(CreateInvitationInput),
  responses: {
    201: jsonOk(z.object({ token: z.string(), expiresAt: z.string() }).openapi('Invitation'), 'Created'),
    ...errors,
  },
});

const invitationList = createRoute({
  method: 'get',
  path: '/invitations',
  operationId: 'invitation.list',
  tags,
  request: { query: PageQuery.extend({ state: InvitationState.default('open') }) },
  responses: { 200: jsonOk(Page(InvitationView, 'InvitationPage')), ...errors },
});

const invitationRevoke = createRoute({
  method: 'post',
  path: '/invitations/{id}/revoke',
  operationId: 'invitation.revoke',
  tags,
  request: { params: IdParam },
  responses: { 204: NoContent, ...errors },
});

export const usersRouter = signedInRouter(['/users', '/users/*', '/invitations', '/invitations/*'])
  .openapi(list, async (c) => c.json(await listUsers(c.get('ctx'), c.req.valid('query')), 200))
  .openapi(create, async (c) => c.json(await createUser(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(read, async (c) => c.json(await readUser(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(update, async (c) =>
    c.json(await updateUser(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(assign, async (c) =>
    c.json(await setUserRoles(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').roles), 200),
  )
  .openapi(reset, async (c) => c.json(await resetPassword(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(revoke, async (c) => {
    await revokeSessions(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(invite, async (c) => c.json(await createInvitation(c.get('ctx'), c.req.valid('json')), 201))
  .openapi(invitationList, async (c) =>
    c.json(await listInvitations(c.get('ctx'), c.req.valid('query')), 200),
  )
  .openapi(invitationRevoke, async (c) => {
    await revokeInvitation(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
