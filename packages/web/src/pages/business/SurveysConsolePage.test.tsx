import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { buttonNamed } from '../../test-queries';
import { id, json, notFound, renderRoute, sampleTown } from '../../test-support';
import { SurveysConsolePage } from './SurveysConsolePage';

const session: Session = {
  user: {
    id: id(9),
    login: 'office',
    displayName: '营商办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/business/surveys', label: 'business.menu.surveys' }],
  abilities: [{ action: 'survey.manage', scopes: ['/'] }],
};

const defaults = [
  { id: 'efficiency', text: '办事效率', textEn: 'Efficiency' },
  { id: 'attitude', text: '服务态度', textEn: 'Attitude' },
];

function renderPage(surveys: unknown[] = []) {
  const posted: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/units')
      return json([sampleTown, { ...sampleTown, id: id(6), kind: 'department', name: '区税务局' }]);
    if (path === '/api/v1/business/survey-questions') return json(defaults);
    if (path === '/api/v1/business/surveys' && request.method === 'GET') return json(surveys);
    if (path === '/api/v1/business/surveys' && request.method === 'POST') {
      posted.push(await request.json());
      return json({ id: id(7) }, 201);
    }
    return notFound();
  };
  renderRoute('/admin/business/surveys', SurveysConsolePage, fetch);
  return posted;
}

const dialog = () => within(screen.getByRole('dialog'));

const brief = (n: number, title: string, status: 'draft' | 'open' | 'closed') => ({
  id: id(n),
  title,
  opensOn: '2027-01-01',
  closesOn: '2027-03-31',
  audience: 'both',
  status,
  closedOn: null,
  departments: 1,
  firms: 0,
  public: 0,
});

describe('the surveys console', () => {
  it('names each row’s buttons by the survey they act on', async () => {
    renderPage([brief(71, '一季度评议', 'draft'), brief(72, '上年评议', 'open')]);
    expect(await screen.findByRole('button', { name: '编辑：一季度评议' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '发布：一季度评议' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '调整截止日：上年评议' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '结束：上年评议' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '结果：上年评议' })).toBeTruthy();
  });

  it('drafts a survey with the default questions and a department with an extra question', async () => {
    const posted = renderPage();
    fireEvent.click(await screen.findByTestId('survey-new'));
    await screen.findByRole('dialog');
    fireEvent.change(await dialog().findByLabelText('标题'), {
      target: { value: '2027年第一季度千企万众评效能' },
    });
    // The default questions are there to edit.
    // Each box is named by its place, so that the boxes are told apart when heard.
    expect(
      dialog()
        .getAllByLabelText(/^题目：/)
        .map((e) => [e.getAttribute('aria-label'), (e as HTMLInputElement).value]),
    ).toEqual([
      ['题目：第1题', '办事效率'],
      ['题目：第2题', '服务态度'],
    ]);
    expect(dialog().getByLabelText('英文题目：第2题')).toBeTruthy();
    fireEvent.click(dialog().getByText('添加部门'));
    fireEvent.mouseDown(await dialog().findByLabelText('部门：第1个部门'));
    const option = await waitFor(() => {
      const found = document.querySelector('.ant-select-item-option[title="区税务局"]');
      if (!found) throw new Error('not offered yet');
      return found;
    });
    fireEvent.click(option);
    // Each remove button names what it removes: a question by its words, a department by its name.
    const box = screen.getByRole('dialog');
    expect(buttonNamed(box, '删除：服务态度')).toBeTruthy();
    await waitFor(() => expect(buttonNamed(box, '删除：区税务局')).toBeTruthy());
    fireEvent.click(dialog().getAllByText('添加题目')[1]!);
    // A question not yet written is named by its place.
    expect(buttonNamed(box, '删除：第1题')).toBeTruthy();
    // A department's extra question is named by the department, apart from the common first one.
    fireEvent.change(dialog().getByLabelText('题目：区税务局 第1题'), { target: { value: '停车便利' } });
    fireEvent.click(document.getElementById('survey-save')!);
    await waitFor(() => expect(posted).toHaveLength(1), { timeout: 5000 });
    expect(posted[0]).toMatchObject({
      title: '2027年第一季度千企万众评效能',
      audience: 'both',
      questions: [
        { id: 'efficiency', text: '办事效率' },
        { id: 'attitude', text: '服务态度' },
      ],
      departments: [
        { departmentId: id(6), extraQuestions: [{ id: 'extra1', text: '停车便利', textEn: '' }] },
      ],
    });
    expect(Object.keys(posted[0] as object).sort()).toEqual([
      'audience',
      'closesOn',
      'departments',
      'opensOn',
      'questions',
      'title',
    ]);
  });
});
