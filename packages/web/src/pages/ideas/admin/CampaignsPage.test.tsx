import '../../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, renderRoute } from '../../../test-support';
import { CampaignsPage } from './CampaignsPage';

const current = {
  id: id(1),
  code: 'qj-2020',
  theme: '迎接高铁时代 建设中心城市',
  startsOn: '2020-04-01',
  endsOn: '2020-06-30',
  focusAreas: [{ name: '高铁经济', description: '站城融合与物流' }],
  domains: [
    { code: 'transport', name: '交通出行', description: '道路、公交、停车' },
    { code: 'tourism', name: '文化旅游', description: '' },
  ],
  channels: ['online', 'written'],
  authorKinds: ['resident', 'student'],
  rubric: [
    { code: 'value', name: '价值性', weight: 0.6 },
    { code: 'feasibility', name: '可行性', weight: 0.4 },
  ],
  rejectReasons: ['off_topic', 'duplicate'],
  listSizes: { golden_idea: 10, good_idea: 8, hard_problem: 5 },
  reviewersPerItem: 3,
  maxReviewsPerExpert: 200,
  reviewMethod: 'z' as const,
  shortlistQuota: { perDomain: 20, byDomain: { tourism: 10 } },
  publication: 'after_acceptance' as const,
  survey: [
    {
      code: 'transfer',
      text: '您对高铁站的公交接驳满意吗？',
      kind: 'single',
      options: ['满意', '一般', '不满意'],
      required: true,
    },
  ],
  isCurrent: true,
  suggestions: 10400,
};
/** What a new campaign copies: everything but its identity and its own figures. */
const settingsOf = ({ id: _id, isCurrent: _current, suggestions: _count, ...settings }: typeof current) =>
  settings;
const older = { ...current, id: id(2), code: 'qj-2019', theme: '上一期', isCurrent: false, suggestions: 7 };

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** A fake API holding two campaigns; `answer` can replace the reply to a write. */
function renderPage(answer?: (sent: Sent) => Response | undefined) {
  const campaigns = [structuredClone(current), structuredClone(older)];
  const writes: Sent[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (request.method === 'GET' && path === '/api/v1/ideas/campaigns')
      return json({
        items: campaigns.map((c) => ({ ...c, actions: { edit: true, makeCurrent: !c.isCurrent } })),
        actions: { create: true },
      });
    const text = await request.text();
    const sent = { method: request.method, path, body: text ? JSON.parse(text) : null };
    writes.push(sent);
    const reply = answer?.(sent);
    if (reply) return reply;
    const made = /^\/api\/v1\/ideas\/campaigns\/([^/]+)\/make-current$/.exec(path);
    if (made) {
      for (const c of campaigns) c.isCurrent = c.id === made[1];
      return json(campaigns.find((c) => c.isCurrent));
    }
    if (request.method === 'POST') return json({ ...(sent.body as object), id: id(3) }, 201);
    return json(campaigns[0]);
  };
  renderRoute('/admin/ideas/campaigns', CampaignsPage, fetch);
  return { writes };
}

const fieldValue = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function openNew() {
  await screen.findByText('qj-2019');
  fireEvent.click(screen.getByTestId('campaign-create'));
  await screen.findByLabelText('主题');
}

async function openEdit(code: string) {
  fireEvent.click(await screen.findByTestId(`campaign-edit-${code}`));
  await screen.findByLabelText('主题');
}

describe('the campaign set-up page', () => {
  it('opens a new campaign as a copy of the current one and creates it', async () => {
    const { writes } = renderPage();
    // A count grouped as the public site writes it.
    expect((await screen.findByText('qj-2020')).closest('tr')!.textContent).toContain('10,400');
    await openNew();
    expect(fieldValue('代码')).toBe('');
    expect(fieldValue('主题')).toBe('迎接高铁时代 建设中心城市');
    expect(fieldValue('开始日期')).toBe('2020-04-01');
    expect(screen.getByTestId('rubric-weight-sum').textContent).toContain('权重合计 1');

    type('代码', 'qj-2021');
    type('主题', '建设渝东南中心城市');
    type('开始日期', '2021-03-01');
    type('结束日期', '2021-05-31');
    fireEvent.click(screen.getByTestId('campaign-save'));

    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      path: '/api/v1/ideas/campaigns',
      // A copy of the current campaign's settings, under the new code, theme and period.
      body: {
        ...settingsOf(current),
        code: 'qj-2021',
        theme: '建设渝东南中心城市',
        startsOn: '2021-03-01',
        endsOn: '2021-05-31',
      },
    });
  });

  it('refuses an end date before the start date without asking the server', async () => {
    const { writes } = renderPage();
    await openNew();
    type('代码', 'qj-2021');
    type('结束日期', '2020-03-01');
    fireEvent.click(screen.getByTestId('campaign-save'));
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeTruthy();
    expect(writes).toHaveLength(0);
  });

  it('sends only the changed fields of an edit', async () => {
    const { writes } = renderPage();
    await openEdit('qj-2020');
    expect(fieldValue('代码')).toBe('qj-2020');
    type('主题', '迎接高铁时代 建设渝东南中心城市');
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'PATCH',
      path: `/api/v1/ideas/campaigns/${id(1)}`,
      body: { theme: '迎接高铁时代 建设渝东南中心城市' },
    });
  });

  it('shows the server’s field error under the field', async () => {
    renderPage((sent) =>
      sent.method === 'POST'
        ? json(
            {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              code: 'CONFLICT',
              detail: 'the code is taken',
              errors: [{ path: 'code', message: 'taken' }],
            },
            409,
          )
        : undefined,
    );
    await openNew();
    type('代码', 'qj-2019');
    fireEvent.click(screen.getByTestId('campaign-save'));
    const error = await screen.findByText('taken');
    expect(error.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('代码');
    expect(screen.getByText('the code is taken')).toBeTruthy();
  });

  it('shows which domain is still in use when the edit removes it', async () => {
    const { writes } = renderPage((sent) =>
      sent.method === 'PATCH'
        ? json(
            {
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              code: 'CONFLICT',
              detail: 'domains still in use: transport',
              errors: [{ path: 'domains', message: 'transport is in use' }],
            },
            409,
          )
        : undefined,
    );
    await openEdit('qj-2020');
    const domains = screen.getByTestId('campaign-domains');
    fireEvent.click(within(domains).getAllByRole('button', { name: /删\s*除/ })[0]!);
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]?.body).toEqual({ domains: [{ code: 'tourism', name: '文化旅游', description: '' }] });
    expect(await within(domains).findByText('transport is in use')).toBeTruthy();
    expect(screen.getByText('domains still in use: transport')).toBeTruthy();
  });

  it('makes another campaign current after a confirmation', async () => {
    const { writes } = renderPage();
    // Each row's buttons name the campaign they act on.
    expect(await screen.findByRole('button', { name: '修改：上一期' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '延长征集期：上一期' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '设为当前：上一期' }));
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() =>
      expect(writes).toContainEqual({
        method: 'POST',
        path: `/api/v1/ideas/campaigns/${id(2)}/make-current`,
        body: null,
      }),
    );
    // The list is read again: the old current campaign can now be made current itself.
    expect(await screen.findByTestId('campaign-current-qj-2020')).toBeTruthy();
    expect(screen.queryByTestId('campaign-current-qj-2019')).toBeNull();
  });

  it('edits the focus areas with what each stands for', async () => {
    const { writes } = renderPage();
    await openEdit('qj-2020');
    expect(fieldValue('聚焦方向说明')).toBe('站城融合与物流');
    // By its text, not its role: a role query walks the whole dialog's form, seconds in jsdom.
    fireEvent.click(screen.getByText('添加聚焦方向'));
    const names = screen.getAllByLabelText('名称（如：两高地）');
    const notes = screen.getAllByLabelText('聚焦方向说明');
    fireEvent.change(names.at(-1)!, { target: { value: '一示范区' } });
    fireEvent.change(notes.at(-1)!, { target: { value: '民族地区生态文明示范区' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.body).toEqual({
      focusAreas: [
        { name: '高铁经济', description: '站城融合与物流' },
        { name: '一示范区', description: '民族地区生态文明示范区' },
      ],
    });
  });

  it('extends the period to a later end, and refuses an earlier one without asking the server', async () => {
    const { writes } = renderPage();
    fireEvent.click(await screen.findByTestId('campaign-extend-qj-2020'));
    const date = await screen.findByLabelText('新的截止日期');
    fireEvent.change(date, { target: { value: '2020-06-01' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '延长征集期' }));
    expect(await screen.findByText('须晚于当前截止日期 2020-06-30')).toBeTruthy();
    expect(writes).toHaveLength(0);
    fireEvent.change(date, { target: { value: '2020-07-31' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '延长征集期' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'POST',
      path: `/api/v1/ideas/campaigns/${id(1)}/extend`,
      body: { endsOn: '2020-07-31' },
    });
  });

  it('names the columns of the domains and the criteria, and says plainly how weights count', async () => {
    renderPage();
    await openEdit('qj-2020');
    expect(screen.getByTestId('campaign-domains-header').textContent).toBe('代码名称说明（选填）');
    expect(screen.getByTestId('campaign-rubric-header').textContent).toBe('代码名称权重占比');
    const sum = screen.getByTestId('rubric-weight-sum').textContent!;
    expect(sum).toBe('权重合计 1。起作用的只是各项所占比例（见各行），合计不必等于 1。');
  });
});
