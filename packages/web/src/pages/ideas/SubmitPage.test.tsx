import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import {
  id,
  json,
  notFound,
  publicCampaign,
  renderRoute,
  sampleTown,
  validationProblem,
} from '../../test-support';
import { SubmitPage } from './SubmitPage';

/** What the server's index answers for the station draft: the match, and a weak one it leaves out. */
const stationMatches = [
  { id: id(1), title: '开通高铁站到濯水古镇的旅游专线', similarity: 0.48, duplicate: false },
  { id: id(2), title: '老旧小区加装电梯', similarity: 0.31, duplicate: false },
];

const campaign = publicCampaign({
  code: 'QJ',
  domains: [
    { code: 'transport', name: '交通出行', description: '' },
    { code: 'governance', name: '城市治理', description: '' },
  ],
});

function renderSubmit(answer: (body: unknown) => Response = () => json({ trackingCode: 'AB12CD34EF' }, 201)) {
  const asked: string[] = [];
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(`${request.method} ${path}`);
    if (path === '/api/v1/public/campaign') return json(campaign);
    if (path === '/api/v1/units') return json([sampleTown]);
    if (path === '/api/v1/public/suggestions/similar') {
      const { text } = (await request.clone().json()) as { text: string };
      asked.push(`similar: ${text}`);
      const similar = text.includes('濯水古镇') ? stationMatches : [];
      return json({ domain: { code: 'transport', confidence: 0.9 }, similar });
    }
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === `/api/v1/public/suggestions/${id(1)}/support`) return json({ supports: 8, counted: true });
    if (path === '/api/v1/public/suggestions' && request.method === 'POST') {
      const body = await request.json();
      sent.push(body);
      return answer(body);
    }
    return notFound();
  };
  renderRoute('/ideas/submit', SubmitPage, fetch);
  return { asked, sent };
}

async function type(label: string, text: string) {
  fireEvent.change(await screen.findByLabelText(label), { target: { value: text } });
}

describe('the 线上谈 form', () => {
  it('shows the similar existing suggestion the server found for a near-duplicate text', async () => {
    const { asked } = renderSubmit();
    await type('标题', '高铁站到濯水古镇开通旅游专线');
    await type('建议内容', '建议开通从黔江高铁站到濯水古镇的旅游专线公交车，方便游客下高铁后直接去景区。');
    const list = await screen.findByTestId('similar-list', {}, { timeout: 3000 });
    const items = list.querySelectorAll('[data-testid="similar-item"]');
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items[0]!.textContent).toContain('开通高铁站到濯水古镇的旅游专线');
    // Below the bar worth showing a citizen.
    expect(list.textContent).not.toContain('老旧小区加装电梯');
    expect(list.textContent).toContain('48%');
    // The draft went to the server as one text; no list of suggestions was loaded.
    expect(asked).toContain(
      'similar: 高铁站到濯水古镇开通旅游专线\n建议开通从黔江高铁站到濯水古镇的旅游专线公交车，方便游客下高铁后直接去景区。',
    );
    expect(asked.some((a) => a.includes('/suggestions/recent'))).toBe(false);
    // The classifier's domain is filled in.
    await waitFor(() =>
      expect((screen.getByTestId('submit-domain') as HTMLSelectElement).value).toBe('transport'),
    );
    const picked = (screen.getByTestId('submit-domain') as HTMLSelectElement).selectedOptions[0]!;
    expect(picked.textContent).toBe('交通出行');
    expect(screen.getByText('已按内容推荐领域，可以更改。')).toBeTruthy();

    // Without an account, a support proves a phone by a code first.
    fireEvent.click(screen.getByTestId(`support-${id(1)}`));
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13987654321' } });
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '135790' } });
    fireEvent.click(screen.getByRole('button', { name: '确认支持' }));
    expect(await screen.findByText('支持这条（8）')).toBeTruthy();
    expect(asked).toContain(`POST /api/v1/public/suggestions/${id(1)}/support`);
  });

  it('shows nothing similar for a text on another subject', async () => {
    const { asked } = renderSubmit();
    await type('标题', '增加城南的公共厕所');
    await type('建议内容', '正阳片区人多，公共厕所太少，希望在公园和菜市场附近多修几座公厕。');
    await waitFor(() => expect(asked).toContain('POST /api/v1/public/suggestions/similar'), {
      timeout: 3000,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByTestId('similar-list')).toBeNull();
  });
});

describe('the 线上谈 form’s checks', () => {
  it('shows and announces each field’s fault, sends nothing, and moves the focus to the first', async () => {
    const { sent } = renderSubmit();
    await type('标题', '修路');
    fireEvent.change(screen.getByLabelText('手机号码（选填）'), { target: { value: '12345' } });
    fireEvent.click(screen.getByTestId('submit-suggestion'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['至少 4 个字', '必填', '必填', '请输入 11 位手机号码']);
    const title = screen.getByLabelText('标题');
    expect(document.activeElement).toBe(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)!.textContent).toBe('至少 4 个字');
    expect(sent).toEqual([]);
    // Put right, the fault goes as it is typed.
    await type('标题', '修好城南的路');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).not.toContain('至少 4 个字');
  });

  it('sends a correct draft, leaving out what was not filled in, and shows the tracking code', async () => {
    const { sent } = renderSubmit();
    await type('标题', '增加城南的公共厕所');
    await type('建议内容', '正阳片区人多，公共厕所太少，希望在公园和菜市场附近多修几座公厕。');
    await waitFor(() => expect(screen.getByText(sampleTown.name)).toBeTruthy());
    fireEvent.change(screen.getByLabelText('所在镇街'), { target: { value: sampleTown.id } });
    fireEvent.click(screen.getByTestId('submit-suggestion'));
    expect((await screen.findByTestId('tracking-code', {}, { timeout: 3000 })).textContent).toContain(
      'AB12CD34EF',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      title: '增加城南的公共厕所',
      townId: sampleTown.id,
      authorKind: 'resident',
    });
    expect(sent[0]).not.toHaveProperty('phone');
    expect(sent[0]).not.toHaveProperty('realName');
  });

  it('shows the server’s field error under its field', async () => {
    renderSubmit(() =>
      validationProblem([{ path: 'townId', message: 'unknown town', code: 'unknown_town' }]),
    );
    await type('标题', '增加城南的公共厕所');
    await type('建议内容', '正阳片区人多，公共厕所太少，希望在公园和菜市场附近多修几座公厕。');
    await waitFor(() => expect(screen.getByText(sampleTown.name)).toBeTruthy());
    fireEvent.change(screen.getByLabelText('所在镇街'), { target: { value: sampleTown.id } });
    fireEvent.click(screen.getByTestId('submit-suggestion'));
    const error = await screen.findByText('找不到这个镇街');
    expect(error.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('所在镇街').getAttribute('aria-describedby')).toBe(error.id);
    expect(screen.queryByTestId('tracking-code')).toBeNull();
  });
});

describe('the 线上谈 form of a closed campaign', () => {
  it('says the intake closed and offers the tracking page instead of the form', async () => {
    const closed = publicCampaign({ endsOn: '2026-06-30', intakeOpen: false });
    renderRoute('/ideas/submit', SubmitPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/public/campaign') return json(closed);
      if (path === '/api/v1/units') return json([sampleTown]);
      if (path === '/api/v1/public/suggestions/recent') return json([]);
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      return notFound();
    });
    const result = await screen.findByTestId('intake-closed');
    expect(result.textContent).toContain('本期征集已于 2026-06-30 截止');
    expect(screen.getByRole('link', { name: '查询办理进展' }).getAttribute('href')).toBe('/ideas/track');
    expect(screen.queryByTestId('submit-suggestion')).toBeNull();
  });

  it('says the intake closed, keeping the draft to copy, when the period ended while the page was open', async () => {
    const { sent } = renderSubmit(() =>
      json(
        {
          type: 'about:blank',
          title: '与现有数据冲突',
          status: 409,
          code: 'CONFLICT',
          errors: [
            {
              path: 'campaign',
              message: 'closed',
              code: 'campaign_closed',
              params: { endsOn: '2020-07-15' },
            },
          ],
        },
        409,
      ),
    );
    await type('标题', '增加城南的公共厕所');
    await type('建议内容', '正阳片区人多，公共厕所太少，希望在公园和菜市场附近多修几座公厕。');
    await waitFor(() => expect(screen.getByText(sampleTown.name)).toBeTruthy());
    fireEvent.change(screen.getByLabelText('所在镇街'), { target: { value: sampleTown.id } });
    fireEvent.click(screen.getByTestId('submit-suggestion'));
    const closed = await screen.findByTestId('intake-closed');
    // The end the server gives: the office may have moved it since the page loaded.
    expect(closed.textContent).toContain('本期征集已于 2020-07-15 截止');
    expect(document.activeElement).toBe(within(closed).getByRole('heading'));
    expect((screen.getByLabelText('您填写的内容，可复制留存') as HTMLTextAreaElement).value).toBe(
      '增加城南的公共厕所\n\n正阳片区人多，公共厕所太少，希望在公园和菜市场附近多修几座公厕。',
    );
    expect(within(closed).getByRole('link', { name: '查询办理进展' }).getAttribute('href')).toBe(
      '/ideas/track',
    );
    expect(screen.queryByTestId('submit-suggestion')).toBeNull();
    expect(sent).toHaveLength(1);
  });
});

describe('the 线上谈 form in English', () => {
  it('offers the domains by their English names, not the campaign’s Chinese ones', async () => {
    await changeLocale('en');
    try {
      renderSubmit();
      const select = (await screen.findByTestId('submit-domain')) as HTMLSelectElement;
      await waitFor(() => expect(select.options.length).toBe(3));
      expect([...select.options].map((o) => o.textContent)).toEqual(['', 'Transport', 'Urban governance']);
    } finally {
      await changeLocale('zh-CN');
    }
  });
});
