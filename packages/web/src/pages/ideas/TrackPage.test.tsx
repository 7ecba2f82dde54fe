import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, publicSuggestion, renderRoute } from '../../test-support';
// The page loads what a found suggestion shows after the lookup; loaded here first, it renders as
// soon as the page asks for it.
import './TrackResult';
import { TrackPage } from './TrackPage';

const code = 'AB12CD34EF';
const rejected = publicSuggestion({ title: '在小区门口设快递柜', status: 'rejected', supports: 0 });

function renderTrack(
  reason?: string,
  suggestion = rejected,
  shownInPublic = false,
  url = `/ideas/track/${code}`,
) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' }, 200);
    if (path === `/api/v1/public/track/${code}`)
      return json({
        suggestion,
        shownInPublic,
        timeline: [
          { kind: 'submitted', params: {}, at: '2020-04-20T02:00:00.000Z' },
          ...(suggestion.status === 'rejected'
            ? [
                {
                  kind: 'rejected',
                  params: reason === undefined ? {} : { reason },
                  at: '2020-04-21T02:00:00.000Z',
                },
              ]
            : []),
        ],
        actions: [],
        notifications: [],
      });
    return notFound();
  };
  renderRoute('/ideas/track/:code?', TrackPage, fetch, url);
}

describe('the tracking page tells the author why a suggestion was not accepted', () => {
  it('words a built-in reason in the reader’s language', async () => {
    renderTrack('personal_matter');
    expect(await screen.findByText(/未通过初筛：个人诉求/)).toBeTruthy();
  });

  it('shows a reason the office wrote as written', async () => {
    renderTrack('已有政策覆盖，请拨打12345咨询');
    expect(await screen.findByText(/未通过初筛：已有政策覆盖，请拨打12345咨询/)).toBeTruthy();
  });

  it.each([
    ['no reason was recorded', undefined],
    ['the reason is an internal code', 'no_budget'],
  ])('says only that it was not accepted when %s', async (_, reason) => {
    renderTrack(reason);
    const step = await screen.findByText(/未通过初筛/);
    expect(step.textContent).not.toContain('{{');
    expect(step.textContent?.endsWith('未通过初筛')).toBe(true);
  });
});

describe('the tracking page before and after screening', () => {
  it('says a suggestion waits for screening, and links no public page yet', async () => {
    renderTrack(undefined, publicSuggestion({ title: '增设夜间公交', status: 'submitted' }), false);
    expect(await screen.findByTestId('track-awaiting')).toBeTruthy();
    expect(screen.getByText('增设夜间公交').closest('a')).toBeNull();
  });

  it('links the public page once the suggestion is shown', async () => {
    renderTrack(undefined, publicSuggestion({ title: '增设夜间公交', status: 'accepted' }), true);
    expect((await screen.findByText('增设夜间公交')).closest('a')).not.toBeNull();
    expect(screen.queryByTestId('track-awaiting')).toBeNull();
  });
});

describe('the tracking page’s lookup', () => {
  it('has not looked anything up on the empty form, says an ill-formed code is one, and looks up a well-formed one', async () => {
    renderTrack(undefined, rejected, false, '/ideas/track');
    const box = await screen.findByLabelText('请输入 10 位查询码');
    // Opened to type a code in, the page has found nothing because it has looked for nothing.
    expect(screen.queryByText('没有找到这个查询码对应的建议')).toBeNull();
    fireEvent.change(box, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(screen.getByRole('alert').textContent).toBe('查询码是 10 位字母或数字，请核对后再查询');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('在小区门口设快递柜')).toBeNull();
    fireEvent.change(box, { target: { value: ` ${code} ` } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(await screen.findByText('在小区门口设快递柜')).toBeTruthy();
    expect(screen.queryByText('没有找到这个查询码对应的建议')).toBeNull();
  });

  it('says once, on the page, that an unknown code finds nothing: no toast besides', async () => {
    renderTrack(undefined, rejected, false, '/ideas/track/ABCDEFGHIJ');
    expect(await screen.findByText('没有找到这个查询码对应的建议')).toBeTruthy();
    // The toast would come with the failed lookup, once antd's message code loads: give it the time to.
    await expect(screen.findByText('内容不存在或已失效', {}, { timeout: 2000 })).rejects.toThrow();
  });
});
