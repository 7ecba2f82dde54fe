import pino from 'pino';
import type { SmsProvider } from '../auth/sms.js';

export const silentLog = pino({ level: 'silent' });

/** An SMS provider that keeps messages for the test to read (the shipped one writes the log). */
export function inboxSms(): SmsProvider & { messages: Array<{ phone: string; message: string }> } {
  const messages: Array<{ phone: string; message: string }> = [];
  return { name: 'inbox', messages, send: async (phone, message) => void messages.push({ phone, message }) };
}
