import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { saveBlob } from '../../components/download';
import { id, json, officeSession, renderRoute } from '../../test-support';
import { RequestsConsolePage } from './RequestsConsolePage';

vi.mock('../../components/download', async (original) => ({
  ...(await original<typeof import('../../components/download')>()),
  saveBlob: vi.fn(),
}));

describe('the requests list’s Excel export', () => {
  it('asks for every request the page’s filters find, and saves the workbook under the server’s name', async () => {
    vi.mocked(saveBlob).mockClear();
    const exports: URLSearchParams[] = [];
    renderRoute(
      '/admin/business/requests',
      RequestsConsolePage,
      async (request) => {
        const url = new URL(request.url);
        if (url.pathname === '/api/v1/auth/session') return json(officeSession);
        if (url.pathname === '/api/v1/business/requests/export') {
          exports.push(url.searchParams);
          return new Response('xlsx', {
            headers: {
              'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('企业诉求.xlsx')}`,
            },
          });
        }
        return json({ total: 0, items: [], canRaise: false });
      },
      `/admin/business/requests?status=routed&flag=overdue&departmentId=${id(3)}&q=${encodeURIComponent('用电')}`,
    );
    // A filter chosen on the page joins those the address gave.
    fireEvent.click(await screen.findByText('延期申请'));
    fireEvent.click(await screen.findByTestId('request-export'));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    expect(vi.mocked(saveBlob).mock.calls[0]![1]).toBe('企业诉求.xlsx');
    expect(exports).toHaveLength(1);
    expect(Object.fromEntries(exports[0]!)).toEqual({
      status: 'routed',
      flag: 'overdue',
      departmentId: id(3),
      q: '用电',
      pending: 'extension',
    });
    expect(screen.getByTestId('request-export').textContent).toContain('导出 Excel');
  });
});
