import type { Logger } from 'pino';

/** Sends a text message to a mobile number. */
export interface SmsProvider {
  readonly name: string;
  send(phone: string, message: string): Promise<void>;
}

/**
 * The only provider shipped: it sends nothing and writes the message to the server log, where an
 * operator can read a citizen's code. A deployment plugs in its carrier's SMS gateway here.
 */
export function logSmsProvider(log: Logger): SmsProvider {
  return {
    name: 'log',
    async send(phone, message) {
      log.warn(
        { sms: { to: phone, message } },
        'SMS not sent (log provider): message written to the log instead',
      );
    },
  };
}
