import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute } from '../../test-support';
import { SupervisionPage } from './SupervisionPage';

describe("the commission's dashboard", () => {
  it('says the figures failed to load, with a retry, rather than showing every figure as 0', async () => {
    renderRoute('/admin/business/supervision', SupervisionPage, async () =>
      json({ type: 'about:blank', title: 'x', status: 500, code: 'INTERNAL' }, 500),
    );
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(document.querySelector('.ant-statistic')).toBeNull();
    expect(screen.queryByTestId('supervision-table')).toBeNull();
  });
});
