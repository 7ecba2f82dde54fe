import '../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequestCategoriesButton } from '../pages/business/RequestCategoriesButton';
import { json, notFound, renderRoute } from '../test-support';

const categories = [
  {
    code: 'approval',
    name: '审批服务',
    nameEn: 'Approvals',
    answerWorkdays: 5,
    rectifyWorkdays: 15,
    sort: 1,
    active: true,
  },
  {
    code: 'other',
    name: '其他',
    nameEn: 'Other',
    answerWorkdays: 5,
    rectifyWorkdays: 15,
    sort: 9,
    active: false,
  },
];

/** The categories dialog over a fake API that records what is sent. */
function renderDialog() {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  renderRoute('/admin/business/requests', RequestCategoriesButton, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (request.method !== 'GET') {
      const body = await request.json();
      sent.push({ method: request.method, path, body });
      return json({ code: 'c_0a1b2c3d4e', sort: 0, active: true, ...(body as object) }, 201);
    }
    if (path === '/api/v1/business/request-categories') return json(categories);
    return notFound();
  });
  return sent;
}

describe('the request categories dialog', () => {
  it('lists names, deadlines and state, never the codes', async () => {
    renderDialog();
    fireEvent.click(await screen.findByTestId('categories-open'));
    const table = await screen.findByTestId('categories');
    expect(await within(table).findByText('审批服务')).toBeTruthy();
    expect(within(table).getByText('已停用')).toBeTruthy();
    expect(table.textContent).not.toContain('approval');
    // The row's button is named by the words it shows, then the category.
    expect(within(table).getByRole('button', { name: '编辑：审批服务' })).toBeTruthy();
  });

  it('adds a category by its name and deadline, the code left to the server', async () => {
    const sent = renderDialog();
    fireEvent.click(await screen.findByTestId('categories-open'));
    fireEvent.click(await screen.findByTestId('categories-add'));
    fireEvent.change(await screen.findByLabelText('名称'), { target: { value: '用地保障' } });
    fireEvent.change(screen.getByLabelText('答复时限（工作日）'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('categories-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.body).toMatchObject({ name: '用地保障', answerWorkdays: 3, rectifyWorkdays: 15 });
    expect(sent[0]!.body).not.toHaveProperty('code');
  });
});
