import '../../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, notFound, officeSession, renderRoute } from '../../../test-support';
import { CalendarPage } from './CalendarPage';
import { forgetCalendarYears } from './loadedYears';

/** A notice for 2028 as pasted, with its document number (its days are the test's). */
const notice2028 = `国务院办公厅关于2028年部分节假日安排的通知
国办发明电〔2027〕8号
一、元旦：1月1日（周六）至3日（周一）放假，共3天。
二、春节：1月25日（周二）至31日（周一）放假调休，共7天。1月23日（周日）、2月5日（周六）上班。
国务院办公厅
2027年11月3日`;

/** The same notice with a span's count wrong and a make-up workday on a Wednesday. */
const inconsistent = notice2028.replace('共3天', '共2天').replace('2月5日（周六）', '2月2日（周三）');

function renderPage(put: () => Response = () => notFound()) {
  const session = {
    ...officeSession,
    menu: [{ path: '/admin/calendar', label: 'calendar.menu.calendar' }],
    abilities: [{ action: 'calendar.load', scopes: ['/1/'] }],
  };
  renderRoute('/admin/calendar', CalendarPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/calendar/years' && request.method === 'GET') return json([]);
    if (path === '/api/v1/calendar/years/2028' && request.method === 'PUT') return put();
    return notFound();
  });
}

async function paste(text: string) {
  fireEvent.click(await screen.findByTestId('calendar-load'));
  fireEvent.change(await screen.findByLabelText('通知全文'), { target: { value: text } });
}

const refusal = {
  type: 'about:blank',
  title: 'Invalid input',
  status: 400,
  code: 'VALIDATION',
  errors: [
    { path: 'holidays', message: 'no day off', code: 'no_holidays', params: { value: 2028 } },
    {
      path: 'workdays',
      message: '2028-02-02 is a make-up workday but not a weekend day',
      code: 'calendar_inconsistent',
      params: { value: '…', origin: 'workday_not_weekend', date: '2028-02-02' },
    },
  ],
};

describe('loading a year from its notice', () => {
  afterEach(() => forgetCalendarYears());

  it('fills in the document number the pasted text gives', async () => {
    renderPage();
    await paste(notice2028);
    expect(((await screen.findByTestId('calendar-number')) as HTMLInputElement).value).toBe(
      '国办发明电〔2027〕8号',
    );
    expect(screen.queryByTestId('calendar-problems')).toBeNull();
  });

  it('shows every date that does not add up on the page, and does not save', async () => {
    renderPage();
    await paste(inconsistent);
    const problems = await screen.findByTestId('calendar-problems');
    expect(within(problems).getByText('元旦：2028-01-01至2028-01-03是3天，通知写的是2天')).toBeTruthy();
    expect(within(problems).getByText(/2028-02-02/)).toBeTruthy();
    expect(problems.querySelectorAll('li')).toHaveLength(2);
    expect((screen.getByTestId('calendar-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows every problem of a refusal on the page, not only the first', async () => {
    renderPage(() => json(refusal, 400));
    await paste(notice2028);
    fireEvent.change(screen.getByTestId('calendar-url'), {
      target: { value: 'https://www.gov.cn/2028.htm' },
    });
    fireEvent.click(screen.getByTestId('calendar-save'));
    const shown = await screen.findByTestId('calendar-refusal');
    expect(shown.querySelectorAll('li')).toHaveLength(2);
    expect(within(shown).getByText(/2028年的安排没有任何放假日/)).toBeTruthy();
    expect(within(shown).getByText(/2028-02-02/)).toBeTruthy();
  });
});
