import '../../../i18n';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../../api/ApiContext';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../components/AppProviders';
import { id, json, publicCampaign, validationProblem } from '../../../test-support';
import { CampaignForm } from './CampaignForm';
import { valuesOf } from './campaignValues';

const campaignId = id(1);
const transfer = {
  code: 'transfer',
  text: '您对高铁站的公交接驳满意吗？',
  kind: 'single' as const,
  options: ['满意', '一般', '不满意'],
  required: true,
};
const campaign = publicCampaign({
  id: campaignId,
  domains: [{ code: 'transport', name: '交通出行', description: '' }],
  rubric: [{ code: 'value', name: '价值性', weight: 1 }],
  rejectReasons: ['off_topic'],
  listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
  survey: [transfer],
});

/** The campaign form of the set-up page's drawer, editing `campaign`; `answer` replaces the reply. */
function renderForm(answer?: () => Response) {
  const writes: { method: string; path: string; body: unknown }[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    writes.push({ method: request.method, path, body: JSON.parse(await request.text()) });
    return answer?.() ?? json(campaign);
  };
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  render(
    <ApiContext value={api}>
      <AppProviders>
        <CampaignForm id={campaignId} initial={valuesOf(campaign, false)} onSaved={() => {}} />
      </AppProviders>
    </ApiContext>,
  );
  return { writes };
}

/** Adds a question and fills in its code and text; returns the new question's box. */
function addQuestion(code: string, text: string) {
  fireEvent.click(screen.getByTestId('survey-add-question'));
  const box = screen.getAllByTestId('survey-question').at(-1)!;
  fireEvent.change(within(box).getByLabelText('题目代码'), { target: { value: code } });
  fireEvent.change(within(box).getByLabelText('题目'), { target: { value: text } });
  return box;
}

/** Types an option into the tags box and picks it from the list the box offers. */
async function addOption(box: HTMLElement, option: string) {
  const input = within(box).getByRole('combobox', { name: '选项' });
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: option } });
  const offered = await waitFor(() => {
    const item = document.querySelector(`.ant-select-item-option[title="${option}"]`);
    if (!item) throw new Error(`${option} is not offered`);
    return item;
  });
  fireEvent.click(offered);
  await waitFor(() => expect(within(box).getAllByTitle(option).length).toBeGreaterThan(0));
}

describe('the survey editor of the campaign form', () => {
  it('shows the campaign’s questions and sends an added text question with the edit', async () => {
    const { writes } = renderForm();
    const first = screen.getAllByTestId('survey-question')[0]!;
    expect((within(first).getByLabelText('题目代码') as HTMLInputElement).value).toBe('transfer');
    expect(first.textContent).toContain('不满意');

    const box = addQuestion('wishes', '您还希望高铁给黔江带来什么？');
    fireEvent.mouseDown(within(box).getByRole('combobox', { name: '题型' }));
    fireEvent.click(await screen.findByTitle('填空'));
    fireEvent.click(within(box).getByLabelText('必答'));
    fireEvent.click(screen.getByTestId('campaign-save'));

    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({
      method: 'PATCH',
      path: `/api/v1/ideas/campaigns/${campaignId}`,
      body: {
        survey: [
          transfer,
          { code: 'wishes', text: '您还希望高铁给黔江带来什么？', kind: 'text', options: [], required: true },
        ],
      },
    });
  });

  it('refuses a choice question with fewer than two options without asking the server', async () => {
    const { writes } = renderForm();
    const box = addQuestion('mode', '您一般怎样去高铁站？');
    await addOption(box, '公交');
    fireEvent.click(screen.getByTestId('campaign-save'));
    expect(await within(box).findByText('单选、多选题至少要有两个选项')).toBeTruthy();
    expect(writes).toHaveLength(0);

    await addOption(box, '出租车');
    fireEvent.click(screen.getByTestId('campaign-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]?.body).toEqual({
      survey: [
        transfer,
        {
          code: 'mode',
          text: '您一般怎样去高铁站？',
          kind: 'single',
          options: ['公交', '出租车'],
          required: false,
        },
      ],
    });
  });

  it('shows the server’s option rule under the question’s options', async () => {
    renderForm(() =>
      validationProblem([
        { path: 'survey.0.options', message: 'a choice needs two options', code: 'options_for_kind' },
      ]),
    );
    fireEvent.change(screen.getAllByLabelText('题目')[0]!, { target: { value: '您对接驳公交满意吗？' } });
    fireEvent.click(screen.getByTestId('campaign-save'));
    const first = screen.getAllByTestId('survey-question')[0]!;
    expect(await within(first).findByText('单选、多选题至少要有两个选项，填空题不设选项')).toBeTruthy();
  });
});
