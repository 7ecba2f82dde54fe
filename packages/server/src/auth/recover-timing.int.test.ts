import { setTimeout as delay } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { makeDistrict, makeUser } from '../test-support/factories.js';
import { freshPhone } from '../test-support/factories-ideas.js';
import { silentLog } from '../test-support/quiet.js';
import { requestRecoveryCode } from './recover.js';
import type { SmsProvider } from './sms.js';

/**
 * The recovery form answers alike whether the phone has an account, in its time too: were the
 * answer to wait for a gateway's round trip only when a code goes out, its delay would tell which
 * numbers are registered. A provider as slow as a gateway shows the answer does not wait for it.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

/** A provider whose sends take until `release()`, as a gateway's round trip does; `sent` is what went out. */
function gatewaySms() {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const sent: string[] = [];
  const provider: SmsProvider = {
    name: 'gateway',
    async send(phone) {
      await released;
      sent.push(phone);
    },
  };
  return { provider, release, sent };
}

let addresses = 0;
const contextWith = (sms: SmsProvider, log = silentLog): ServiceContext => ({
  db: t.database.db,
  principal: null,
  log,
  sms,
  ip: `10.43.0.${++addresses}`,
});

async function citizenPhone() {
  const tree = await makeDistrict(t);
  const phone = freshPhone();
  await makeUser(t, { login: phone, phone, roles: [['citizen', tree.district]] });
  return phone;
}

/** Whether `work` settles before `ms` have passed. */
const settlesWithin = (work: Promise<unknown>, ms: number) =>
  Promise.race([work.then(() => true), delay(ms).then(() => false)]);

describe('the recovery code’s answer', () => {
  it('does not wait for the provider to send the code', async () => {
    const phone = await citizenPhone();
    const gateway = gatewaySms();
    const answer = requestRecoveryCode(contextWith(gateway.provider), phone);
    expect(await settlesWithin(answer, 10_000)).toBe(true);
    expect(gateway.sent).toEqual([]);
    gateway.release();
    await expect.poll(() => gateway.sent).toEqual([phone]);
  });

  it('answers alike when the provider fails, and logs the failure', async () => {
    const phone = await citizenPhone();
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const failing: SmsProvider = {
      name: 'down',
      send: async () => {
        throw new Error('gateway unreachable');
      },
    };
    const answer = await requestRecoveryCode(contextWith(failing, log), phone);
    expect(answer).toEqual(await requestRecoveryCode(contextWith(failing, log), freshPhone()));
    await expect.poll(() => lines.join('')).toContain('SMS code not sent');
    expect(lines.join('')).not.toContain(phone);
  });
});
