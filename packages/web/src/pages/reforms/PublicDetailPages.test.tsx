import '../../i18n';
import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { PublicCasePage } from './PublicCasePage';
import { PublicProjectPage } from './PublicProjectPage';

const session = { user: null, csrfToken: 'token', menu: [] };
const serve = (reply: () => Response) => async (request: Request) =>
  new URL(request.url).pathname === '/api/v1/auth/session' ? json(session) : reply();
const failed = () => json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500);

const pages: Array<[string, string, ComponentType]> = [
  ['a reform project', '/reforms/:id', PublicProjectPage],
  ['a reform case', '/reforms/cases/:id', PublicCasePage],
];

describe.each(pages)('the public page of %s', (_, pattern, Page) => {
  const url = pattern.replace(':id', id(90));
  it('says a failed load failed, with a retry, not that the page does not exist', async () => {
    renderRoute(pattern, Page, serve(failed), url);
    expect(await screen.findByTestId('load-retry', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('页面不存在')).toBeNull();
  });

  it('says once that it is not there: on the page, with no message beside it', async () => {
    renderRoute(pattern, Page, serve(notFound), url);
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
    // The message would come with the failed load, once antd's message code loads: give it the time to.
    await expect(screen.findByText('内容不存在或已失效', {}, { timeout: 2000 })).rejects.toThrow();
  });

  it('takes a cut or mistyped address as not there, not as a form with wrong fields', async () => {
    renderRoute(
      pattern,
      Page,
      serve(() => validationProblem([{ path: 'id', message: 'Invalid UUID', code: 'invalid_format' }])),
      pattern.replace(':id', 'xyz'),
    );
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
    await expect(screen.findByText(/填写的内容有误/, {}, { timeout: 2000 })).rejects.toThrow();
  });
});
