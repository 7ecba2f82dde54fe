import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { RouteRequestForm } from './RouteRequestForm';
import type { RequestDetail } from './requests';
import { noRequestActions, requestDetailOf } from './testRequests';

const none = noRequestActions;

const request = (over: Partial<RequestDetail> = {}): RequestDetail =>
  requestDetailOf(
    {
      id: id(1),
      title: '厂房扩建规划许可办理',
      status: 'submitted',
      firmId: id(2),
      firmName: '重庆黔龙食品有限公司',
      categoryCode: 'approval',
      categoryName: '审批服务',
      departmentId: null,
      departmentName: null,
      suggestedDepartmentId: id(3),
      suggestedDepartmentName: '区发展改革委',
      suggestionConfidence: 0.8,
      dueOn: null,
      workdaysLeft: null,
      dueState: null,
      dueProvisional: null,
      pendingExtension: false,
      pendingAppeal: false,
      createdAt: '2026-01-05T02:00:00.000Z',
    },
    { body: '请问规划许可需要哪些材料。', actions: { ...none, route: true }, ...over },
  );

const category = (code: string, name: string, nameEn: string, answerWorkdays: number, active = true) => ({
  code,
  name,
  nameEn,
  answerWorkdays,
  rectifyWorkdays: 15,
  sort: 0,
  active,
});
const categories = [
  category('approval', '审批服务', 'Permits and approvals', 5),
  category('market', '市场监管', 'Market regulation', 12),
  category('finance', '融资服务', 'Finance', 5, false),
];
const unit = (n: number, name: string) => ({
  id: id(n),
  code: `QJ-D0${n}`,
  name,
  kind: 'department',
  parentId: null,
  path: `/${n}/`,
});

/** The form as the request's drawer shows it, with a fake API recording what is posted. */
function renderForm(r: RequestDetail, answer?: () => Response) {
  const posted: unknown[] = [];
  renderRoute(
    '/r',
    () => <RouteRequestForm request={r} onChange={() => {}} />,
    async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/units') return json([unit(3, '区发展改革委'), unit(4, '区市场监管局')]);
      if (path === '/api/v1/business/request-categories') return json(categories);
      if (req.method === 'POST' && path === `/api/v1/business/requests/${r.id}/route`) {
        posted.push(await req.json());
        return answer?.() ?? json({ ...r, status: 'routed', departmentId: id(3) });
      }
      return notFound();
    },
  );
  return posted;
}

const option = (name: string) => screen.findByText(name, { selector: '.ant-select-item-option-content' });

afterEach(() => changeLocale('zh-CN'));

describe('the routing form', () => {
  it('starts from the firm’s category by name, offers those in use with their days, and sends the corrected one with the note trimmed', async () => {
    const posted = renderForm(request());
    const field = (await screen.findByTestId('route-category')).closest('.ant-select')!;
    expect(await within(field as HTMLElement).findByText('审批服务（5 个工作日）')).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('诉求类别'));
    fireEvent.click(await option('市场监管（12 个工作日）'));
    // A retired category is not offered.
    expect(
      screen.queryByText('融资服务（5 个工作日）', { selector: '.ant-select-item-option-content' }),
    ).toBeNull();
    fireEvent.change(screen.getByLabelText('给承办部门的说明'), {
      target: { value: '  请会同区市场监管局办理  ' },
    });
    fireEvent.click(screen.getByTestId('route-submit'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      departmentId: id(3),
      categoryCode: 'market',
      note: '请会同区市场监管局办理',
    });
    expect(await screen.findByText('已分办')).toBeTruthy();
  });

  it('sends no note when none is written, and keeps the category when it is not changed', async () => {
    const posted = renderForm(request());
    await screen.findByText('审批服务（5 个工作日）');
    fireEvent.click(screen.getByTestId('route-submit'));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ departmentId: id(3), categoryCode: 'approval' });
  });

  it('refuses a note of only spaces before sending', async () => {
    const posted = renderForm(request());
    await screen.findByText('审批服务（5 个工作日）');
    fireEvent.change(screen.getByLabelText('给承办部门的说明'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('route-submit'));
    expect(await screen.findByText('不能只有空格')).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it('shows the server’s refusal under the category', async () => {
    renderForm(request(), () =>
      validationProblem([{ path: 'categoryCode', message: 'no such category', code: 'unknown_category' }]),
    );
    await screen.findByText('审批服务（5 个工作日）');
    fireEvent.click(screen.getByTestId('route-submit'));
    expect(await screen.findByText('没有这个诉求类别')).toBeTruthy();
  });

  it('on a re-route chooses no department, and bars the one that holds the request', async () => {
    renderForm(request({ status: 'routed', departmentId: id(3), departmentName: '区发展改革委' }));
    expect(await screen.findByText('改派', { selector: '.ant-card-head-title' })).toBeTruthy();
    fireEvent.mouseDown(screen.getByLabelText('分办至部门'));
    const held = (await option('区发展改革委')).closest('.ant-select-item-option')!;
    expect(held.className).toContain('ant-select-item-option-disabled');
  });

  it('words the categories in English', async () => {
    await changeLocale('en');
    renderForm(request());
    expect(await screen.findByText('Permits and approvals (5 working days)')).toBeTruthy();
    expect(screen.getByText('Note to the department')).toBeTruthy();
  });
});
