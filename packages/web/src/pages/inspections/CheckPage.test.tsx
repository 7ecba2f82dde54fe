import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, renderRoute, unavailable, validationProblem } from '../../test-support';
import { CheckPage } from './CheckPage';
import type { VisitCheck } from './shared';

const code = '0123456789abcdef0123456789abcdef';
const check: VisitCheck = {
  date: '2026-11-18',
  firm: '重庆黔龙食品有限公司',
  status: 'started',
  team: [
    { name: '王建国', unit: '区市场监管局' },
    { name: '胡军', unit: '区应急管理局' },
  ],
  items: [
    {
      name: '食品经营许可及经营行为检查',
      unit: '区市场监管局',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
    },
  ],
};

function open(reply: () => Response) {
  const asked: string[] = [];
  renderRoute(
    '/inspections/check/:code',
    CheckPage,
    async (request) => {
      asked.push(new URL(request.url).pathname);
      return reply();
    },
    `/inspections/check/${code}`,
  );
  return asked;
}

describe('亮码检查: the page of a visit’s code', () => {
  it('shows the team by name and department, the items with their legal basis, and the date', async () => {
    const asked = open(() => json(check));
    expect(await screen.findByText('王建国')).toBeTruthy();
    expect(screen.getByText('胡军')).toBeTruthy();
    expect(screen.getAllByText('区市场监管局').length).toBeGreaterThan(0);
    expect(screen.getByText('食品经营许可及经营行为检查（区市场监管局）')).toBeTruthy();
    expect(screen.getByText('《中华人民共和国食品安全法》第一百一十条')).toBeTruthy();
    expect(screen.getByText('2026-11-18')).toBeTruthy();
    expect(screen.getByText('检查中')).toBeTruthy();
    // The public endpoint, nothing of a signed-in inspector's.
    expect(asked).toContain(`/api/v1/public/inspections/check/${code}`);
    expect(asked.filter((p) => p.startsWith('/api/v1/inspections/'))).toEqual([]);
  });

  it('says there is no such visit for an unknown or long-finished code', async () => {
    open(notFound);
    expect(await screen.findByRole('heading', { name: '找不到这次检查' })).toBeTruthy();
    expect(screen.queryByText('王建国')).toBeNull();
  });

  it('says there is no such visit for a malformed code, which the server refuses as invalid', async () => {
    open(() => validationProblem([{ path: 'code', message: 'invalid', code: 'invalid_string' }]));
    expect(await screen.findByRole('heading', { name: '找不到这次检查' })).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });

  it('says the page could not be loaded when the server fails, and loads it again on retry', async () => {
    let fail = true;
    open(() => (fail ? unavailable() : json(check)));
    const retry = await screen.findByTestId('load-retry');
    expect(screen.queryByText('找不到这次检查')).toBeNull();
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText('王建国')).toBeTruthy();
  });
});
