import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { PublicSurveyAnswerPage } from './PublicSurveyAnswerPage';

type Survey = components['schemas']['BusinessSurvey'];

const survey: Survey = {
  id: id(1),
  title: '2026年第四季度千企万众评效能',
  opensOn: '2026-10-01',
  // Open for years: the form is offered only within a survey's dates.
  closesOn: '2099-12-31',
  audience: 'both',
  status: 'open',
  closedOn: null,
  questions: [
    { id: 'efficiency', text: '办事效率', textEn: 'Efficiency' },
    { id: 'attitude', text: '服务态度', textEn: 'Attitude' },
  ],
  departments: [
    { departmentId: id(2), departmentName: '区税务局', extraQuestions: [] },
    { departmentId: id(3), departmentName: '区市场监管局', extraQuestions: [] },
  ],
};

interface Sent {
  path: string;
  body: Record<string, unknown>;
}

function renderPage(sent: Sent[], answer: () => Response = () => json({ id: id(9) }, 201), surveyId = id(1)) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({ user: null, csrfToken: null, menu: [], abilities: [] });
    if (request.method === 'POST') {
      sent.push({ path: url.pathname, body: (await request.json()) as Record<string, unknown> });
      return url.pathname.endsWith('/code') ? json({ expiresInSeconds: 600 }) : answer();
    }
    if (url.pathname === `/api/v1/public/business/surveys/${id(1)}`) return json(survey);
    return notFound();
  };
  renderRoute(
    '/business/surveys/:id/answer',
    PublicSurveyAnswerPage,
    fetch,
    `/business/surveys/${surveyId}/answer`,
  );
}

/** Scores every question of the department whose card has this name. */
function score(department: string, value: number) {
  const card = screen.getByText(department).closest('[data-testid="survey-department"]') as HTMLElement;
  for (const group of within(card).getAllByRole('radiogroup'))
    fireEvent.click(within(group).getByLabelText(new RegExp(`^${value} `)));
}

describe('answering a survey as a member of the public', () => {
  it('says a survey that is not there is not there, and leads back to the list', async () => {
    renderPage([], undefined, id(7));
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回问卷列表' }).getAttribute('href')).toBe('/business/surveys');
  });

  it('sends a code to the phone, then the scores of the departments answered with phone and code', async () => {
    const sent: Sent[] = [];
    renderPage(sent);
    expect(await screen.findByText('区税务局')).toBeTruthy();
    fireEvent.change(screen.getByTestId('survey-phone'), { target: { value: '13800138000' } });
    fireEvent.click(screen.getByTestId('survey-send-code'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/public/business/surveys/${id(1)}/code`,
      body: { phone: '13800138000' },
    });
    fireEvent.change(screen.getByTestId('survey-code'), { target: { value: '123456' } });
    score('区税务局', 4);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('感谢参与，您的评价已记录。')).toBeTruthy();
    // Only the department scored is sent, with every one of its questions.
    expect(sent[1]).toEqual({
      path: `/api/v1/public/business/surveys/${id(1)}/answers`,
      body: {
        phone: '13800138000',
        code: '123456',
        departments: [{ departmentId: id(2), scores: { efficiency: 4, attitude: 4 }, comment: '' }],
      },
    });
  });

  it('sends nothing for a department half scored', async () => {
    const sent: Sent[] = [];
    renderPage(sent);
    await screen.findByText('区税务局');
    fireEvent.change(screen.getByTestId('survey-phone'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByTestId('survey-code'), { target: { value: '123456' } });
    const card = screen.getByText('区市场监管局').closest('[data-testid="survey-department"]') as HTMLElement;
    fireEvent.click(within(within(card).getAllByRole('radiogroup')[0]!).getByLabelText(/^5 /));
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('请为区市场监管局的每一道题打分，或者全部不填')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('sends nothing while a department has a comment but no scores, which would be lost', async () => {
    const sent: Sent[] = [];
    renderPage(sent);
    await screen.findByText('区税务局');
    fireEvent.change(screen.getByTestId('survey-phone'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByTestId('survey-code'), { target: { value: '123456' } });
    score('区税务局', 4);
    fireEvent.change(screen.getByLabelText('区市场监管局 意见建议（选填）'), {
      target: { value: '窗口排队太久' },
    });
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(
      await screen.findByText('请为区市场监管局的每一道题打分，意见才能一并提交；或者删去对它的意见'),
    ).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it('words a wrong code in the reader’s language', async () => {
    const sent: Sent[] = [];
    renderPage(sent, () => validationProblem([{ path: 'code', message: 'invalid', code: 'invalid_code' }]));
    await screen.findByText('区税务局');
    fireEvent.change(screen.getByTestId('survey-phone'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByTestId('survey-code'), { target: { value: '000000' } });
    score('区市场监管局', 2);
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByText('验证码不对或已过期')).toBeTruthy();
    await waitFor(() => expect(sent).toHaveLength(1));
  });
});
