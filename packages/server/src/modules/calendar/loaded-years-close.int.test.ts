import { officialCalendar } from '@qianxing/core/calendar';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test-support/app.js';

describe('a year one database loaded', () => {
  it('leaves the process’s calendar when that database is closed', async () => {
    const t = await createTestContext({ seed: ['units', 'users'] });
    try {
      const office = await t.as('office');
      const res = await office.put('/api/v1/calendar/years/2996', {
        year: 2996,
        sources: [
          { title: '测试', number: '测试〔1〕1号', issued: '2995-11-01', url: 'https://example.org/' },
        ],
        holidays: [{ name: '元旦', start: '2996-01-01', end: '2996-01-01', days: 1 }],
        workdays: [],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(officialCalendar.years).toContain(2996);
    } finally {
      await t.close();
    }
    // Test files share a process: the next file's deadlines must not read this one's years.
    expect(officialCalendar.years).not.toContain(2996);
  });
});
