import { describe, expect, it } from 'vitest';
import { ReformProjectInput, ReformProjectPatch } from './contracts.js';

const project = {
  code: 'QJGG-D001',
  name: '日期检查',
  listId: '00000000-0000-4000-8000-000000000001',
  source: 'local',
  leadUnitId: '00000000-0000-4000-8000-000000000002',
};
const reasons = (r: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; params?: unknown }> };
}) =>
  (r.error?.issues ?? []).map(
    (i) => `${i.path.join('.')}:${(i.params as { reason?: string } | undefined)?.reason ?? ''}`,
  );

describe('a project’s dates in order', () => {
  it('a malformed date is named alone: no second, false "end before start"', () => {
    const bad = ReformProjectInput.safeParse({ ...project, startDate: '2026-13-01', endDate: '2026-12-31' });
    expect(bad.success).toBe(false);
    expect(reasons(bad).some((r) => r.startsWith('startDate'))).toBe(true);
    expect(reasons(bad)).not.toContain('endDate:period_order');
    const patch = ReformProjectPatch.safeParse({ startDate: '2026-12-01', endDate: '2026-02-30' });
    expect(reasons(patch)).not.toContain('endDate:period_order');
  });

  it('two valid dates out of order are still refused', () => {
    const r = ReformProjectInput.safeParse({ ...project, startDate: '2026-12-01', endDate: '2026-01-31' });
    expect(reasons(r)).toContain('endDate:period_order');
  });
});
