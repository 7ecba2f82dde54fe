import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { parseSettings, SettingsError, settings } from './settings.js';

describe('the shutdown grace (QIANXING_SHUTDOWN_GRACE_S)', () => {
  it('is 10 s unless set, and may be a fraction of a second', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ QIANXING_SHUTDOWN_GRACE_S: '' }).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ QIANXING_SHUTDOWN_GRACE_S: '2.5' }).shutdownGraceMs).toBe(2_500);
    expect(loadConfig({ QIANXING_SHUTDOWN_GRACE_S: '0' }).shutdownGraceMs).toBe(0);
  });

  it('stops the start when it is not a number of seconds, naming the setting', () => {
    for (const given of ['soon', '-1', 'Infinity'])
      expect(() => loadConfig({ QIANXING_SHUTDOWN_GRACE_S: given }), given).toThrow(
        /QIANXING_SHUTDOWN_GRACE_S must be a number of seconds/,
      );
  });
});

describe('the settings of the environment', () => {
  it('are their defaults when unset or empty', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '' });
    expect(config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      sessionDays: 7,
      secureCookies: false,
      workers: 1,
    });
    expect(parseSettings({}).QIANXING_IDEAS_SUBMIT_LIMIT).toBe(30);
    expect(parseSettings({}).QIANXING_EXPORT_MAX_ROWS).toBe(50_000);
  });

  it('read what an operator writes', () => {
    const config = loadConfig({
      PORT: '8088',
      QIANXING_SECURE_COOKIES: 'true',
      QIANXING_SESSION_DAYS: '30',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://qx:secret@db:5432/qx',
      QIANXING_AUDIT_CLOCK_TOLERANCE_S: '0.5',
    });
    expect(config).toMatchObject({ port: 8088, secureCookies: true, sessionDays: 30, logLevel: 'warn' });
    expect(config.auditClockToleranceMs).toBe(500);
    expect(loadConfig({ QIANXING_SECURE_COOKIES: '0' }).secureCookies).toBe(false);
  });

  // One bad value of each kind: the refusal names the variable, what it must be and what it is.
  const bad: Array<[string, string, RegExp]> = [
    ['PORT', 'abc', /PORT must be a port number from 0 to 65535 .*\(it is "abc"\)/],
    ['PORT', '70000', /PORT must be a port number/],
    [
      'QIANXING_SESSION_DAYS',
      '7d',
      /QIANXING_SESSION_DAYS must be a whole number of days, from 1 to 365 \(it is "7d"\)/,
    ],
    ['QIANXING_SESSION_DAYS', '0', /QIANXING_SESSION_DAYS must be a whole number of days/],
    ['QIANXING_SEAL_INTERVAL_MS', '1.5', /QIANXING_SEAL_INTERVAL_MS must be a whole number of milliseconds/],
    [
      'QIANXING_AUDIT_CLOCK_TOLERANCE_S',
      '-1',
      /QIANXING_AUDIT_CLOCK_TOLERANCE_S must be a number of seconds, from 0 to 86400/,
    ],
    [
      'QIANXING_SHUTDOWN_GRACE_S',
      '3000000',
      /QIANXING_SHUTDOWN_GRACE_S must be a number of seconds, from 0 to 86400/,
    ],
    ['QIANXING_READ_MAX_LAG_S', '5s', /QIANXING_READ_MAX_LAG_S must be a number of seconds/],
    [
      'QIANXING_BODY_IDLE_TIMEOUT_S',
      '0',
      /QIANXING_BODY_IDLE_TIMEOUT_S must be a number of seconds, more than 0 and up to 86400/,
    ],
    ['QIANXING_WORKERS', '0', /QIANXING_WORKERS must be a whole number of processes, from 1 to 64/],
    [
      'QIANXING_IDEAS_SUBMIT_LIMIT',
      'many',
      /QIANXING_IDEAS_SUBMIT_LIMIT must be a whole number of suggestions a minute/,
    ],
    ['QIANXING_IDEAS_SIMILAR_LIMIT', '0', /QIANXING_IDEAS_SIMILAR_LIMIT must be a whole number/],
    ['QIANXING_IDEAS_SUPPORT_LIMIT', '-5', /QIANXING_IDEAS_SUPPORT_LIMIT must be a whole number/],
    ['QIANXING_IDEAS_TRACK_LIMIT', '1e3', /QIANXING_IDEAS_TRACK_LIMIT must be a whole number/],
    ['QIANXING_IDEAS_COMMENT_LIMIT', '2.5', /QIANXING_IDEAS_COMMENT_LIMIT must be a whole number/],
    ['QIANXING_IDEAS_COMMENT_DAILY_LIMIT', 'x', /QIANXING_IDEAS_COMMENT_DAILY_LIMIT must be a whole number/],
    ['QIANXING_IDEAS_SURVEY_LIMIT', 'NaN', /QIANXING_IDEAS_SURVEY_LIMIT must be a whole number/],
    ['QIANXING_INSPECTIONS_CHECK_LIMIT', '30/min', /QIANXING_INSPECTIONS_CHECK_LIMIT must be a whole number/],
    ['QIANXING_SMS_INTERVAL_S', '60s', /QIANXING_SMS_INTERVAL_S must be a whole number of seconds/],
    ['QIANXING_SMS_DAILY_LIMIT', '0', /QIANXING_SMS_DAILY_LIMIT must be a whole number of codes a day/],
    [
      'QIANXING_EXPORT_MAX_ROWS',
      '2000000',
      /QIANXING_EXPORT_MAX_ROWS must be a whole number of rows, from 1 to 1048575/,
    ],
    [
      'QIANXING_SECURE_COOKIES',
      'yes',
      /QIANXING_SECURE_COOKIES must be 1 or 0 \(true or false\) \(it is "yes"\)/,
    ],
    [
      'LOG_LEVEL',
      'loud',
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(it is "loud"\)/,
    ],
    [
      'QIANXING_TRUST_PROXY',
      'yes',
      /QIANXING_TRUST_PROXY must be 0, 1 or a comma-separated list of addresses/,
    ],
    ['QIANXING_METRICS_LISTEN', '9464', /QIANXING_METRICS_LISTEN must be host:port/],
    ['QIANXING_METRICS_TOKEN', 'short', /QIANXING_METRICS_TOKEN must be a token of 16 characters or more/],
    [
      'DATABASE_URL',
      'mysql://qx:secret@db/qx',
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [
      'DATABASE_READ_URL',
      'db-replica:5432',
      /DATABASE_READ_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    ['QIANXING_PHONE_HASH_KEY', 'abc', /QIANXING_PHONE_HASH_KEY must be a key of 32 characters or more/],
  ];
  it.each(bad)('refuses %s=%s, naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('names every bad variable at once, and never repeats a value that may hold a secret', () => {
    let refusal: unknown;
    try {
      loadConfig({ PORT: 'abc', QIANXING_SESSION_DAYS: '7d', DATABASE_URL: 'mysql://qx:hunter2@db/qx' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(SettingsError);
    const { problems, message } = refusal as SettingsError;
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL', 'QIANXING_SESSION_DAYS']);
    expect(message).not.toContain('hunter2');
  });

  it('are read again when the environment changes, so a limit set by a test is heard', () => {
    const before = process.env.QIANXING_EXPORT_MAX_ROWS;
    try {
      process.env.QIANXING_EXPORT_MAX_ROWS = '7';
      expect(settings().QIANXING_EXPORT_MAX_ROWS).toBe(7);
      process.env.QIANXING_EXPORT_MAX_ROWS = 'lots';
      expect(() => settings()).toThrow(/QIANXING_EXPORT_MAX_ROWS must be/);
    } finally {
      if (before === undefined) delete process.env.QIANXING_EXPORT_MAX_ROWS;
      else process.env.QIANXING_EXPORT_MAX_ROWS = before;
    }
    expect(settings().QIANXING_EXPORT_MAX_ROWS).toBe(Number(before ?? 50_000));
  });
});
