import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  id,
  json,
  notFound,
  publicCampaign,
  renderRoute,
  sampleTown,
  validationProblem,
} from '../../test-support';
import { SurveyPage } from './SurveyPage';
import type { SurveyQuestion } from './shared';

const questions: SurveyQuestion[] = [
  {
    code: 'transfer',
    text: '您对高铁站的公交接驳满意吗？',
    kind: 'single',
    options: ['满意', '一般', '不满意'],
    required: true,
  },
  {
    code: 'needs',
    text: '去高铁站最需要改进的是？',
    kind: 'multiple',
    options: ['公交接驳', '停车', '出租车'],
    required: false,
  },
  { code: 'wish', text: '您还希望高铁给黔江带来什么？', kind: 'text', options: [], required: true },
];
type PublicCampaign = ReturnType<typeof publicCampaign>;

/**
 * The survey page over a fake API; `answer` is the reply to the answers, `overrides` change the
 * campaign (its period).
 */
function renderSurvey(
  survey: SurveyQuestion[],
  answer: () => Response = () => json({ counted: true }),
  overrides: Partial<PublicCampaign> = {},
) {
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/public/campaign') return json(publicCampaign({ survey, ...overrides }));
    if (path === '/api/v1/units') return json([sampleTown]);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (request.method === 'POST' && path === '/api/v1/public/survey') {
      sent.push(await request.json());
      return answer();
    }
    return notFound();
  };
  renderRoute('/ideas/survey', SurveyPage, fetch);
  return { sent };
}

async function pickTown() {
  fireEvent.mouseDown(await screen.findByLabelText('所在镇街'));
  const option = await waitFor(() => {
    const item = document.querySelector('.ant-select-item-option[title="城东街道"]');
    if (!item) throw new Error('the town is not offered yet');
    return item;
  });
  fireEvent.click(option);
}

/** Answers every question: one choice, two choices and a text with spaces around it. */
function answerAll() {
  fireEvent.click(within(screen.getByTestId('survey-q-transfer')).getByLabelText('一般'));
  const needs = screen.getByTestId('survey-q-needs');
  fireEvent.click(within(needs).getByLabelText('停车'));
  fireEvent.click(within(needs).getByLabelText('出租车'));
  fireEvent.change(screen.getByTestId('survey-q-wish'), { target: { value: '  多开几班夜间公交  ' } });
}

describe('the public survey page', () => {
  it('shows one control per question and refuses to send without the required answers', async () => {
    const { sent } = renderSurvey(questions);
    expect(await screen.findByText('您对高铁站的公交接驳满意吗？')).toBeTruthy();
    expect(within(screen.getByTestId('survey-q-transfer')).getAllByRole('radio')).toHaveLength(3);
    expect(within(screen.getByTestId('survey-q-needs')).getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByTestId('survey-q-wish').tagName).toBe('TEXTAREA');

    await pickTown();
    fireEvent.click(screen.getByTestId('survey-submit'));
    // The two required questions (one choice and the text) are refused, the optional one is not.
    await waitFor(() => expect(screen.getAllByText('请回答这个问题')).toHaveLength(2));
    expect(sent).toEqual([]);
  });

  it('sends the answers with the town and author kind, then thanks the person', async () => {
    const { sent } = renderSurvey(questions);
    await pickTown();
    answerAll();
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByTestId('survey-thanks')).toBeTruthy();
    expect(sent).toEqual([
      {
        townId: id(5),
        authorKind: 'resident',
        answers: { transfer: '一般', needs: ['停车', '出租车'], wish: '多开几班夜间公交' },
      },
    ]);
  });

  it('says so when the person had already answered', async () => {
    renderSurvey(questions, () => json({ counted: false }));
    await pickTown();
    answerAll();
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByTestId('survey-already')).toBeTruthy();
    expect(screen.queryByTestId('survey-thanks')).toBeNull();
  });

  it('shows the server’s answer error under its question', async () => {
    renderSurvey(questions, () =>
      validationProblem([
        { path: 'answers.transfer', message: 'not one of the options', code: 'not_an_option' },
      ]),
    );
    await pickTown();
    answerAll();
    fireEvent.click(screen.getByTestId('survey-submit'));
    const error = await screen.findByText('不是可选的选项');
    expect(error.closest('.ant-form-item')?.textContent).toContain('您对高铁站的公交接驳满意吗？');
  });

  it('says there is no survey when the campaign has none', async () => {
    renderSurvey([]);
    expect(await screen.findByTestId('survey-empty')).toBeTruthy();
    expect(screen.queryByTestId('survey-submit')).toBeNull();
  });

  it('says there is no survey when the office withdrew it while the page was open', async () => {
    renderSurvey(questions, () =>
      json({ type: 'about:blank', title: 'Invalid state', status: 422, code: 'INVALID_STATE' }, 422),
    );
    await pickTown();
    answerAll();
    fireEvent.click(screen.getByTestId('survey-submit'));
    expect(await screen.findByTestId('survey-empty')).toBeTruthy();
    expect(screen.queryByTestId('survey-submit')).toBeNull();
  });

  it('says the survey has closed instead of showing a form once the campaign’s period is over', async () => {
    const { sent } = renderSurvey(questions, undefined, { endsOn: '2020-06-30', intakeOpen: false });
    const closed = await screen.findByTestId('survey-closed');
    expect(closed.textContent).toContain('本期问卷已于 2020-06-30 截止填写');
    expect(within(closed).getByRole('link', { name: '看看大家的建议' }).getAttribute('href')).toBe('/ideas');
    expect(screen.queryByText('您对高铁站的公交接驳满意吗？')).toBeNull();
    expect(screen.queryByTestId('survey-submit')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('says the survey has closed when the period ended while the page was open', async () => {
    renderSurvey(questions, () =>
      json(
        {
          type: 'about:blank',
          title: '与现有数据冲突',
          status: 409,
          code: 'CONFLICT',
          errors: [
            { path: 'campaign', message: 'closed', code: 'survey_closed', params: { endsOn: '2020-07-15' } },
          ],
        },
        409,
      ),
    );
    await pickTown();
    answerAll();
    fireEvent.click(screen.getByTestId('survey-submit'));
    const closed = await screen.findByTestId('survey-closed');
    // The end the server gives: the office may have moved it since the page loaded.
    expect(closed.textContent).toContain('本期问卷已于 2020-07-15 截止填写');
    expect(screen.queryByTestId('survey-submit')).toBeNull();
  });
});
