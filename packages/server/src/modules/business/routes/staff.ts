import { createRoute } from '@hono/zod-openapi';
import { errors, IdParam, jsonBody, jsonOk, NoContent, newRouter, z } from '../../../http/route-helpers.js';
import { inviteFirmStaff } from '../commands/inviteFirmStaff.js';
import { removeFirmMember } from '../commands/removeFirmMember.js';
import { FirmInvitation, FirmMember, InviteFirmStaffInput, MemberParams } from '../contracts.js';
import { listFirmMembers } from '../members.js';

const tags = ['business'];

const r = {
  list: createRoute({
    method: 'get',
    path: '/business/firms/{id}/members',
    operationId: 'firmMember.list',
    tags,
    request: { params: IdParam },
    responses: { 200: jsonOk(z.array(FirmMember)), ...errors },
  }),
  invite: createRoute({
    method: 'post',
    path: '/business/firms/{id}/invitations',
    operationId: 'firmMember.invite',
    tags,
    request: { params: IdParam, ...jsonBody(InviteFirmStaffInput) },
    responses: { 201: jsonOk(FirmInvitation, 'Created'), ...errors },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/business/firms/{id}/members/{userId}',
    operationId: 'firmMember.remove',
    tags,
    request: { params: MemberParams },
    responses: { 204: NoContent, ...errors },
  }),
};

/** A firm's staff accounts: the office over its town invites them and takes them off. */
export const firmStaffRouter = newRouter()
  .openapi(r.list, async (c) => c.json(await listFirmMembers(c.get('ctx'), c.req.valid('param').id), 200))
  .openapi(r.invite, async (c) =>
    c.json(
      await inviteFirmStaff.run(c.get('ctx'), { firmId: c.req.valid('param').id, ...c.req.valid('json') }),
      201,
    ),
  )
  .openapi(r.remove, async (c) => {
    const { id, userId } = c.req.valid('param');
    await removeFirmMember.run(c.get('ctx'), { firmId: id, userId });
    return c.body(null, 204);
  });
