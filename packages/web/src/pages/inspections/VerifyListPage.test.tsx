import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import type { InspectionRectification } from './shared';
import { reportedRectification } from './testRectifications';
import { VerifyListPage } from './VerifyListPage';

const session = {
  user: {
    id: id(1),
    login: 'inspector.sj2',
    displayName: '李明',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/inspections/verify', label: 'inspections.menu.verify' }],
  abilities: [],
};

const row = reportedRectification();

/** The page against a fake API; the queries it asked and what it posted are kept. */
function open(rows: InspectionRectification[]) {
  const asked: URLSearchParams[] = [];
  const sent: string[] = [];
  renderRoute('/admin/inspections/verify', VerifyListPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json(session);
    if (url.pathname === '/api/v1/inspections/rectifications') {
      asked.push(url.searchParams);
      return json({ items: rows, total: rows.length });
    }
    if (request.method === 'POST') {
      sent.push(url.pathname);
      return json({});
    }
    return notFound();
  });
  return { asked, sent };
}

describe('rectifications awaiting my verification', () => {
  it('asks only for the reports the reader verifies, links each visit, and accepts one', async () => {
    const { asked, sent } = open([row]);
    expect(await screen.findByText('待我验收的整改', { selector: 'h3' })).toBeTruthy();
    expect(await screen.findByText('已更换全部灭火器')).toBeTruthy();
    expect(asked[0]!.get('state')).toBe('reported');
    expect(asked[0]!.get('scope')).toBe('toVerify');
    expect(screen.getByTestId('verify-open-visit').getAttribute('href')).toBe(
      `/inspections/visits/${id(101)}`,
    );
    fireEvent.click(screen.getByTestId('rectification-accept'));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(sent).toEqual([`/api/v1/inspections/findings/${id(301)}/rectification/accept`]),
    );
    await waitFor(() => expect(asked.length).toBeGreaterThan(1));
  });

  it('says when nothing awaits the reader', async () => {
    open([]);
    expect(await screen.findByText('暂无待验收的整改')).toBeTruthy();
  });
});
