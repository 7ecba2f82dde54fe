import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { RectificationsSection } from './RectificationsSection';
import type { InspectionRectification } from './shared';
import { reportedRectification } from './testRectifications';

const session = {
  user: {
    id: id(1),
    login: 'inspector.sj1',
    displayName: '王建国',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

const row = reportedRectification;

/** The follow-up on the given tab's answer; what it sent (path and body) is kept in order. */
function open(rows: (state: string) => InspectionRectification[], answer: () => Response = () => json({})) {
  const sent: { path: string; body: unknown }[] = [];
  const asked: string[] = [];
  renderRoute('/admin/inspections/plans', RectificationsSection, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json(session);
    if (url.pathname === '/api/v1/inspections/rectifications') {
      const state = url.searchParams.get('state') ?? '';
      asked.push(state);
      return json({ items: rows(state), total: rows(state).length });
    }
    if (request.method === 'POST') {
      const text = await request.text();
      sent.push({ path: url.pathname, body: text ? JSON.parse(text) : null });
      return answer();
    }
    return notFound();
  });
  return { sent, asked };
}

describe('整改验收 on the follow-up', () => {
  it('lists a report awaiting verification with its note, and accepts it once asked again', async () => {
    const { sent, asked } = open((state) => (state === 'reported' ? [row({})] : []));
    fireEvent.click(await screen.findByText('待验收', { selector: '.ant-segmented-item-label' }));
    const reported = await screen.findByTestId('rectification-reported');
    expect(reported.textContent).toContain('已更换全部灭火器');
    // The row's buttons name the firm and the requirement they act on.
    expect(screen.getByTestId('rectification-return').getAttribute('aria-label')).toBe(
      '退回：黔江丁商贸有限公司 · 更换过期灭火器',
    );
    fireEvent.click(screen.getByRole('button', { name: '验收通过：黔江丁商贸有限公司 · 更换过期灭火器' }));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/inspections/findings/${id(301)}/rectification/accept`,
      body: null,
    });
    // The list is read again after the acceptance.
    await waitFor(() => expect(asked.filter((s) => s === 'reported').length).toBeGreaterThan(1));
  });

  it('returns a report only with a reason, written in a dialog', async () => {
    const { sent } = open((state) => (state === 'reported' ? [row({})] : []));
    fireEvent.click(await screen.findByText('待验收', { selector: '.ant-segmented-item-label' }));
    fireEvent.click(await screen.findByTestId('rectification-return'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('写明未通过验收的原因，企业将看到这段话')).toBeTruthy();
    const submit = within(dialog).getByTestId('return-submit') as HTMLButtonElement;
    // No reason, or only spaces, cannot be sent.
    expect(submit.disabled).toBe(true);
    fireEvent.click(submit);
    const box = within(dialog).getByLabelText('退回理由');
    fireEvent.change(box, { target: { value: '   ' } });
    expect(submit.disabled).toBe(true);
    expect(sent).toHaveLength(0);
    expect(box.getAttribute('maxlength')).toBe('1000');
    fireEvent.change(box, { target: { value: '灭火器仍未年检' } });
    expect(submit.disabled).toBe(false);
    expect(submit.textContent?.replace(/\s/g, '')).toBe('退回');
    fireEvent.click(submit);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/inspections/findings/${id(301)}/rectification/return`,
      body: { reason: '灭火器仍未年检' },
    });
  });

  it('names the reason when the server refuses it, and keeps the dialog open with what was written', async () => {
    open(
      (state) => (state === 'reported' ? [row({})] : []),
      () =>
        validationProblem([
          {
            path: 'reason',
            message: 'Too big',
            code: 'too_big',
            params: { maximum: 1000, origin: 'string' },
          },
        ]),
    );
    fireEvent.click(await screen.findByText('待验收', { selector: '.ant-segmented-item-label' }));
    fireEvent.click(await screen.findByTestId('rectification-return'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('退回理由'), { target: { value: '灭火器仍未年检' } });
    fireEvent.click(within(dialog).getByTestId('return-submit'));
    expect(await screen.findByText('填写的内容有误，请检查后重试（退回理由：最多 1000 个字）')).toBeTruthy();
    expect((within(dialog).getByLabelText('退回理由') as HTMLTextAreaElement).value).toBe('灭火器仍未年检');
  });

  it('shows a returned one with its reason and its due date, and offers no verification where none is allowed', async () => {
    open((state) =>
      state === 'returned'
        ? [
            row({
              stage: 'returned',
              rectifiedAt: null,
              rectificationNote: null,
              returnReason: '灭火器仍未年检',
              workdaysLeft: 9,
              allowed: [],
            }),
          ]
        : [],
    );
    fireEvent.click(await screen.findByText('已退回', { selector: '.ant-segmented-item-label' }));
    expect((await screen.findByTestId('rectification-returned')).textContent).toContain('灭火器仍未年检');
    expect(screen.getByText('2026-12-20')).toBeTruthy();
    expect(screen.queryByTestId('rectification-accept')).toBeNull();
    expect(screen.queryByTestId('rectification-return')).toBeNull();
  });
});
