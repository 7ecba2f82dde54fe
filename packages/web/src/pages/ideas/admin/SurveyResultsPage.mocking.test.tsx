import '../../../i18n';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../../api/ApiContext';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../components/AppProviders';
import { saveBlob } from '../../../components/download';
import { json } from '../../../test-support';
import type { SurveyResults } from '../shared';
import { SurveyResultsPage } from './SurveyResultsPage';

vi.mock('../../../components/download', async (original) => ({
  ...(await original<typeof import('../../../components/download')>()),
  saveBlob: vi.fn(),
}));

const results: SurveyResults = {
  responses: 3000,
  questions: [
    {
      code: 'transfer',
      text: '您对高铁站的公交接驳满意吗？',
      kind: 'single',
      answered: 3000,
      options: [
        { option: '满意', count: 1700 },
        { option: '不满意', count: 1300 },
      ],
      texts: [],
    },
    {
      code: 'wish',
      text: '您还希望高铁给黔江带来什么？',
      kind: 'text',
      answered: 2,
      options: [],
      texts: ['多开夜班车', '更多游客'],
    },
  ],
  actions: { export: true },
};

function renderResults(body: SurveyResults) {
  const asked: string[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/v1/ideas/survey/results') return json(body);
    if (path === '/api/v1/ideas/survey/results/export')
      return new Response('xlsx', { headers: { 'content-type': 'application/octet-stream' } });
    return json({ user: null, csrfToken: 't' });
  };
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  render(
    <ApiContext value={api}>
      <AppProviders>
        <SurveyResultsPage />
      </AppProviders>
    </ApiContext>,
  );
  return { asked };
}

describe('the survey results for staff', () => {
  it('shows the responses, a chart per choice question and the text answers', async () => {
    renderResults(results);
    await waitFor(() => expect(screen.getByTestId('survey-responses').textContent).toContain('3,000'));
    const choice = screen.getByTestId('survey-result-transfer');
    // Grouped as the figure above it is (3,000), not 3000.
    expect(choice.textContent).toContain('3,000 人作答');
    expect(within(choice).getByRole('img', { name: '您对高铁站的公交接驳满意吗？' })).toBeTruthy();
    const text = screen.getByTestId('survey-result-wish');
    expect(text.textContent).toContain('2 人作答');
    expect(within(text).getByText('多开夜班车')).toBeTruthy();
    expect(within(text).queryByRole('img')).toBeNull();
  });

  it('exports the results as survey-results.xlsx', async () => {
    vi.mocked(saveBlob).mockClear();
    const { asked } = renderResults(results);
    const button = await screen.findByTestId('survey-export');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    expect(vi.mocked(saveBlob).mock.calls[0]![1]).toBe('survey-results.xlsx');
    expect(asked).toContain('/api/v1/ideas/survey/results/export');
  });

  it('says so when the campaign has no survey', async () => {
    renderResults({ responses: 0, questions: [], actions: { export: true } });
    expect(await screen.findByTestId('survey-results-empty')).toBeTruthy();
  });
});
