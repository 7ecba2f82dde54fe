import '../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { CasesPage } from '../pages/reforms/CasesPage';
import { SessionsTab } from '../pages/reforms/learning/SessionsTab';
import { VisitsTab } from '../pages/reforms/learning/VisitsTab';
import { id, json, renderRoute } from '../test-support';
import { ImportReportModal } from './ImportReportModal';

/**
 * Tables paged at twenty rows without a size picker, however many rows there are: antd offers one
 * past fifty rows unless told not to, and these tables are not read at any other size.
 */
const rows = 60;

const serving = (items: unknown[]) => async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
  return json({ items, actions: { create: false } });
};

const many = <T,>(row: (n: number) => T) => Array.from({ length: rows }, (_, n) => row(n + 1));

const tables: Array<[string, ComponentType, (request: Request) => Promise<Response>, string]> = [
  [
    'the reform cases',
    CasesPage,
    serving(
      many((n) => ({
        id: id(1000 + n),
        projectId: id(10),
        projectCode: 'QJGG-B001',
        projectName: '企业开办一日办',
        leadUnit: '区市场监管局',
        title: `案例${n}`,
        summary: '',
        measures: '',
        results: '',
        adoptedIn: [],
        status: 'draft',
        publishedAt: null,
        actions: { edit: false, publish: false, unpublish: false },
      })),
    ),
    '案例1',
  ],
  [
    'the learning sessions',
    SessionsTab,
    serving(
      many((n) => ({
        id: id(1000 + n),
        title: `学习课堂${n}`,
        unitId: id(80),
        unitName: '区委改革办',
        form: 'online',
        date: '2020-01-15',
        startTime: '15:00',
        endTime: '16:30',
        place: '',
        teacher: '',
        topic: '',
        attendeeCount: 0,
        attended: false,
      })),
    ),
    '学习课堂1',
  ],
  [
    'the study visits',
    VisitsTab,
    serving(
      many((n) => ({
        id: id(1000 + n),
        title: `学习考察${n}`,
        unitId: id(3),
        unitName: '区教委',
        destinations: ['恩施市'],
        topics: [],
        startDate: '2026-11-24',
        endDate: '2026-11-26',
        status: 'planned',
        memberCount: 1,
        practiceCount: 0,
        insightCount: 0,
        hasReport: false,
      })),
    ),
    '学习考察1',
  ],
  [
    'an import’s refused rows',
    () => (
      <ImportReportModal
        report={many((n) => ({ key: n, row: n + 1, field: `name${n}`, message: 'required' }))}
        onClose={() => {}}
        keys="reforms.excel"
      />
    ),
    serving([]),
    'name1',
  ],
];

describe('a console table of more than fifty rows pages at twenty without a size picker', () => {
  it.each(tables)('%s', async (_, Table, fetch, first) => {
    renderRoute('/admin/page', Table, fetch);
    expect(await screen.findByText(first, {}, { timeout: 10_000 })).toBeTruthy();
    expect(document.querySelectorAll('.ant-pagination-item')).toHaveLength(3);
    expect(document.querySelector('.ant-pagination-options-size-changer')).toBeNull();
  });
});
