import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
