import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../../test-support';
import type { StudyVisit } from './shared';
import { VisitPage } from './VisitPage';

const visit = (over: Partial<StudyVisit> = {}): StudyVisit => ({
  id: id(60),
  title: '区教委赴湖北省恩施州学习考察',
  unitId: id(3),
  unitName: '区教委',
  destinations: ['恩施市', '利川市'],
  topics: ['职业教育产教融合'],
  startDate: '2026-11-24',
  endDate: '2026-11-26',
  status: 'done',
  members: [{ userId: null, name: '王守成', unitId: id(3), unitName: '区教委' }],
  practices: [
    {
      id: id(61),
      title: '职业院校“订单班”产教融合',
      description: '',
      sourcePlace: '恩施市',
      projects: [{ id: id(10), code: 'QJGG-B080', name: '产教融合型企业建设' }],
    },
  ],
  insights: [{ id: id(62), text: '职业教育要跟着本地产业走。' }],
  reportSummary: '',
  reportFile: null,
  reportedAt: null,
  actions: { edit: false, complete: false, record: true, report: true, link: true },
  ...over,
});

function renderPage(v: StudyVisit) {
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === `/api/v1/reforms/study/visits/${id(60)}`) return json(v);
    if (path === `/api/v1/reforms/study/visits/${id(60)}/learning`) {
      sent.push(JSON.parse(await request.text()));
      return validationProblem([
        { path: 'practices.1.sourcePlace', message: 'not a destination of the visit', code: 'unknown_place' },
      ]);
    }
    return notFound();
  };
  renderRoute(
    '/admin/reforms/learning/visits/:id',
    VisitPage,
    fetch,
    `/admin/reforms/learning/visits/${id(60)}`,
  );
  return { sent };
}

describe('a study visit’s page', () => {
  it('sends practices, their projects, insights and the summary whole, and words a refused place', async () => {
    const { sent } = renderPage(visit());
    expect(await screen.findByDisplayValue('职业院校“订单班”产教融合', {}, { timeout: 10_000 })).toBeTruthy();
    fireEvent.click(screen.getByText('添加做法'));
    fireEvent.change(document.getElementById('studyLearning_practices_1_title')!, {
      target: { value: '乡村小规模学校“走教”制度' },
    });
    fireEvent.change(document.getElementById('studyLearning_reportSummary')!, {
      target: { value: '考察恩施两地，形成2项做法。' },
    });
    fireEvent.click(screen.getByText('保存考察成果'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      practices: [
        { title: '职业院校“订单班”产教融合', description: '', sourcePlace: '恩施市', projectIds: [id(10)] },
        { title: '乡村小规模学校“走教”制度', description: '', sourcePlace: '恩施市', projectIds: [] },
      ],
      insights: ['职业教育要跟着本地产业走。'],
      reportSummary: '考察恩施两地，形成2项做法。',
    });
    expect(await screen.findByText('不是这次考察的考察地')).toBeTruthy();
  });

  it('shows a reported visit read-only, with its practices’ projects and no editor', async () => {
    renderPage(
      visit({
        status: 'reported',
        actions: { edit: false, complete: false, record: false, report: false, link: true },
      }),
    );
    expect(await screen.findByText('产教融合型企业建设', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('关联改革项目')).toBeTruthy();
    expect(screen.queryByText('保存考察成果')).toBeNull();
    expect(screen.getByTestId('study-visit-status').textContent).toBe('已报送报告');
  });

  it('says a planned visit is recorded done once its trip ends, and offers no button before', async () => {
    renderPage(
      visit({
        status: 'planned',
        startDate: '2099-05-10',
        endDate: '2099-05-12',
        actions: { edit: false, complete: false, record: false, report: false, link: false },
      }),
    );
    expect((await screen.findByTestId('study-visit-not-over', {}, { timeout: 10_000 })).textContent).toBe(
      '行程结束（2099-05-12）后可确认考察完成',
    );
    expect(screen.queryByRole('button', { name: '确认考察已完成' })).toBeNull();
  });

  it('a visit that is not there says so with the way back, not grey bars for ever', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      return notFound();
    };
    renderRoute(
      '/admin/reforms/learning/visits/:id',
      VisitPage,
      fetch,
      `/admin/reforms/learning/visits/${id(61)}`,
    );
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回学习考察' })).toBeTruthy();
  });
});
