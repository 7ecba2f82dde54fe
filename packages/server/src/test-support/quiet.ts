import { Writable } from 'node:stream';
import pino from 'pino';
import type { SmsProvider } from '../auth/sms.js';

export const silentLog = pino({ level: 'silent' });

/** A logger at `level` whose lines (JSON, one per entry) the test reads from `lines`. */
export function capturedLog(level: pino.Level): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level }, sink), lines };
}

/** An SMS provider that keeps messages for the test to read (the shipped one writes the log). */
export function inboxSms(): SmsProvider & { messages: Array<{ phone: string; message: string }> } {
  const messages: Array<{ phone: string; message: string }> = [];
  return { name: 'inbox', messages, send: async (phone, message) => void messages.push({ phone, message }) };
}
