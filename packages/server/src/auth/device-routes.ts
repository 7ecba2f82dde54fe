import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/env.js';
import { errors, IdParam, jsonOk, NoContent, newRouter, requireUser, z } from '../http/route-helpers.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, deviceCookieOf, deviceTokensOf } from './device-cookie.js';
import { deviceLimits } from './device-limits.js';
import { forgetDevice, listDevices } from './devices.js';

const tags = ['auth'];

export const RememberedDevice = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    lastUsedAt: z.string(),
    expiresAt: z.string(),
    /** The address of its last sign-in, masked ("203.0.113.*"); '' when unknown. */
    address: z.string(),
    /** Its browser in brief ("Chrome, Windows"); '' when unknown. */
    browser: z.string(),
    current: z.boolean(),
  })
  .openapi('RememberedDevice');

const getDevices = createRoute({
  method: 'get',
  path: '/auth/devices',
  operationId: 'auth.devices',
  tags,
  responses: {
    200: jsonOk(z.object({ items: z.array(RememberedDevice) }).openapi('RememberedDevices')),
    ...errors,
  },
});

const deleteDevice = createRoute({
  method: 'delete',
  path: '/auth/devices/{id}',
  operationId: 'auth.forgetDevice',
  tags,
  request: { params: IdParam },
  responses: { 204: NoContent, ...errors },
});

/** The tokens of the browser's device cookie. */
export const deviceTokensFrom = (c: Context<AppEnv>) => deviceTokensOf(getCookie(c, DEVICE_COOKIE));

/** Sets the device cookie to hold `tokens`, for as long as a new device is remembered. */
export function setDeviceCookie(c: Context<AppEnv>, tokens: readonly string[], secure: boolean) {
  setCookie(c, DEVICE_COOKIE, deviceCookieOf(tokens), {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: DEVICE_COOKIE_PATH,
    maxAge: deviceLimits.days * 86_400,
  });
}

/** The signed-in person's remembered devices: their list, and forgetting one. */
export function devicesRouter() {
  const router = newRouter();
  // Authentication before validation: an anonymous caller learns nothing of the schema.
  router.use('/auth/devices/*', async (c, next) => {
    requireUser(c.get('principal'));
    await next();
  });
  router.use('/auth/devices', async (c, next) => {
    requireUser(c.get('principal'));
    await next();
  });
  return router
    .openapi(getDevices, async (c) =>
      c.json({ items: await listDevices(c.get('ctx'), deviceTokensFrom(c)) }, 200),
    )
    .openapi(deleteDevice, async (c) => {
      await forgetDevice(c.get('ctx'), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
