import '../../../i18n';
import { officialArrangements } from '@qianxing/core/calendar';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../api/types';
import {
  json,
  loadedCalendarYear,
  notFound,
  officeSession,
  renderRoute,
  unavailable,
} from '../../../test-support';
import type { CalendarYear } from './api';
import { CalendarPage } from './CalendarPage';
import { forgetCalendarYears } from './loadedYears';

/** The notice for 2026 as published (国办发明电〔2025〕7号, 4 November 2025), lines as pasted. */
const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

/** A notice for 2027 whose dates add up: the days are the test's, not the State Council's. */
const notice2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月13日（周六）上班。
国务院办公厅
2026年11月4日`;

const builtIn = (year: number): CalendarYear => ({
  year,
  builtIn: true,
  arrangement: officialArrangements.find((a) => a.year === year)!,
  loadedAt: null,
  loadedBy: null,
  allowed: [],
});

const loaded2027 = loadedCalendarYear(
  [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 },
    { name: '春节', start: '2027-02-05', end: '2027-02-12', days: 8 },
  ],
  [{ date: '2027-02-14', name: '春节' }],
);

const builtInYear = {
  type: 'about:blank',
  title: 'Not allowed in the current state',
  status: 422,
  code: 'INVALID_STATE',
  errors: [{ path: 'year', message: 'a built-in year', code: 'built_in_year', params: { value: 2026 } }],
};

interface Server {
  list?: () => Response | Promise<Response>;
  put?: (year: number, body: unknown) => Response;
  remove?: (year: number) => Response;
}

/** The office signed in, and a fake server; answers what the calendar was asked. */
function renderPage(
  server: Server,
  abilities: Session['abilities'] = [{ action: 'calendar.load', scopes: ['/1/'] }],
) {
  const session = {
    ...officeSession,
    menu: [{ path: '/admin/calendar', label: 'calendar.menu.calendar' }],
    abilities,
  };
  const calls: Array<{ method: string; path: string; body?: unknown }> = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    const body = request.method === 'PUT' ? await request.json() : undefined;
    calls.push({ method: request.method, path, body });
    if (path === '/api/v1/calendar/years' && request.method === 'GET')
      return (server.list ?? (() => json([builtIn(2025), builtIn(2026), loaded2027])))();
    const year = /^\/api\/v1\/calendar\/years\/(\d{4})$/.exec(path)?.[1];
    if (year && request.method === 'PUT' && server.put) return server.put(Number(year), body);
    if (year && request.method === 'DELETE' && server.remove) return server.remove(Number(year));
    return notFound();
  };
  renderRoute('/admin/calendar', CalendarPage, fetch);
  return calls;
}

const rowOf = async (year: number) => (await screen.findByText(String(year))).closest('tr') as HTMLElement;
const rowsIn = (testId: string) => screen.getByTestId(testId).querySelectorAll('.ant-table-row').length;

async function paste(text: string) {
  fireEvent.click(await screen.findByTestId('calendar-load'));
  fireEvent.change(await screen.findByLabelText('通知全文'), { target: { value: text } });
}

describe('the working-day calendar page', () => {
  beforeEach(() => {
    // Only the date: today is 5 December 2026 in China.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-05T04:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    forgetCalendarYears();
  });

  it('lists the built-in and the loaded years, with their notices, days and who loaded them', async () => {
    renderPage({});
    const y2026 = await rowOf(2026);
    const link = within(y2026).getByRole('link', {
      name: '国务院办公厅关于2026年部分节假日安排的通知（在新标签页打开）',
    });
    expect(link.getAttribute('href')).toBe('https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
    expect(within(y2026).getByText(/国办发明电〔2025〕7号/)).toBeTruthy();
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off, and six weekend days worked.
    expect(within(y2026).getByText('33 天')).toBeTruthy();
    expect(within(y2026).getByText('6 天')).toBeTruthy();
    expect(within(y2026).getByText('内置')).toBeTruthy();
    expect(within(y2026).queryByText('删除')).toBeNull();

    const y2027 = await rowOf(2027);
    expect(within(y2027).getByText('载入')).toBeTruthy();
    expect(within(y2027).getByText('活动办 于 2026-11-05 10:30 载入')).toBeTruthy();
    expect(within(y2027).getByText('11 天')).toBeTruthy();
    expect(within(y2027).queryByText('builtIn')).toBeNull();
    expect(within(y2027).getByRole('button', { name: '删除：2027年的安排' })).toBeTruthy();
    // The next year is covered: nothing to warn of.
    expect(screen.queryByTestId('calendar-uncovered')).toBeNull();
    // The browser's calendar counts with the loaded year too.
    const { officialCalendar } = await import('@qianxing/core/calendar');
    await waitFor(() => expect(officialCalendar.years).toContain(2027));
  });

  it('says that the next year counts Monday to Friday only while its notice is not loaded', async () => {
    renderPage({ list: () => json([builtIn(2025), builtIn(2026)]) });
    expect((await screen.findByTestId('calendar-uncovered')).textContent).toContain(
      '2027年的节假日安排尚未载入：在载入国务院办公厅关于2027年部分节假日安排的通知之前，该年的办理期限只按周一至周五计算工作日。',
    );
  });

  it("reads the next year by China's date", async () => {
    // 1 January 2027 at 01:00 in China, still 2026 in UTC.
    vi.setSystemTime(new Date('2026-12-31T17:00:00Z'));
    renderPage({});
    expect((await screen.findByTestId('calendar-uncovered')).textContent).toContain('2028年');
  });

  it('says the years could not be loaded, never an empty table, and loads them on retry', async () => {
    let fail = true;
    renderPage({ list: () => (fail ? unavailable() : json([builtIn(2026), loaded2027])) });
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(screen.queryByText('暂无数据')).toBeNull();
    expect(screen.queryByTestId('calendar-uncovered')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByTestId('load-retry'));
    expect(await rowOf(2027)).toBeTruthy();
  });

  it('says the years are being read while they load, not that there are none', async () => {
    renderPage({ list: () => new Promise<Response>(() => {}) });
    expect(await screen.findByText('正在读取各年的安排…')).toBeTruthy();
    expect(screen.queryByText('暂无数据')).toBeNull();
    expect(screen.queryByTestId('calendar-uncovered')).toBeNull();
  });

  it('offers no loading without the ability to load', async () => {
    renderPage({}, []);
    await rowOf(2026);
    expect(screen.queryByTestId('calendar-load')).toBeNull();
  });

  it('previews a pasted notice: its year, seven holidays and six make-up workdays', async () => {
    renderPage({ list: () => json([builtIn(2025)]) });
    await paste(notice2026);
    expect((await screen.findByTestId('calendar-read-year')).textContent).toBe('2026年');
    expect(rowsIn('calendar-preview-holidays')).toBe(7);
    expect(rowsIn('calendar-preview-workdays')).toBe(6);
    const holidays = screen.getByTestId('calendar-preview-holidays');
    expect(within(holidays).getByText('2026-02-15 至 2026-02-23')).toBeTruthy();
    expect(screen.queryByTestId('calendar-unread')).toBeNull();
    // The title and the signing date come from the text.
    expect((screen.getByTestId('calendar-title') as HTMLInputElement).value).toBe(
      '国务院办公厅关于2026年部分节假日安排的通知',
    );
    expect((screen.getByTestId('calendar-issued') as HTMLInputElement).value).toBe('2025-11-04');
  });

  it('lists an item it cannot read, and does not save without it', async () => {
    renderPage({});
    await paste(`${notice2027}\n八、植树节：另行通知。`);
    const unread = await screen.findByTestId('calendar-unread');
    expect(within(unread).getByText('八、植树节：另行通知。')).toBeTruthy();
    expect(screen.getByText(/以下 1 条未能读出，不会保存/)).toBeTruthy();
    expect((screen.getByTestId('calendar-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says a built-in year cannot be loaded before asking the server', async () => {
    renderPage({});
    await paste(notice2026);
    expect(await screen.findByText('2026年的安排是内置的，不能载入替换。')).toBeTruthy();
    expect((screen.getByTestId('calendar-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves the year as read, with its document number and address, and lists it', async () => {
    let saved = false;
    const calls = renderPage({
      list: () => json(saved ? [builtIn(2026), loaded2027] : [builtIn(2026)]),
      put: () => {
        saved = true;
        return json(loaded2027);
      },
    });
    await paste(notice2027);
    fireEvent.change(screen.getByTestId('calendar-number'), { target: { value: '国办发明电〔2026〕9号' } });
    fireEvent.change(screen.getByTestId('calendar-url'), { target: { value: 'http://www.gov.cn/2027.htm' } });
    fireEvent.click(screen.getByTestId('calendar-save'));
    expect(await screen.findByText('请输入以 https:// 开头的网址')).toBeTruthy();
    fireEvent.change(screen.getByTestId('calendar-url'), {
      target: { value: 'https://www.gov.cn/2027.htm' },
    });
    fireEvent.click(screen.getByTestId('calendar-save'));
    expect(await screen.findByText('已载入2027年的安排')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/calendar/years/2027');
    const body = put?.body as { year: number; sources: unknown; holidays: unknown[]; workdays: unknown[] };
    expect(body.year).toBe(2027);
    expect(body.sources).toEqual([
      {
        title: '国务院办公厅关于2027年部分节假日安排的通知',
        number: '国办发明电〔2026〕9号',
        issued: '2026-11-04',
        url: 'https://www.gov.cn/2027.htm',
      },
    ]);
    expect(body.holidays).toHaveLength(2);
    expect(body.holidays[0]).toEqual({ name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 });
    expect(body.workdays).toEqual([{ date: '2027-02-13', name: '春节' }]);
    expect(await rowOf(2027)).toBeTruthy();
  });

  it('says why the server refused a year, in the reader’s words', async () => {
    // A list read before the year was known to be built in: the server still refuses it.
    renderPage({ list: () => json([builtIn(2025)]), put: () => json(builtInYear, 422) });
    await paste(notice2026);
    fireEvent.change(await screen.findByTestId('calendar-number'), {
      target: { value: '国办发明电〔2025〕7号' },
    });
    fireEvent.change(screen.getByTestId('calendar-url'), {
      target: { value: 'https://www.gov.cn/2026.htm' },
    });
    fireEvent.click(screen.getByTestId('calendar-save'));
    expect(await screen.findByText(/2026年的安排随系统发布，不能替换或删除/)).toBeTruthy();
    expect(screen.queryByText(/built-in year/)).toBeNull();
  });

  it('deletes a loaded year after asking, and lists the years again', async () => {
    let removed = false;
    const calls = renderPage({
      list: () => json(removed ? [builtIn(2026)] : [builtIn(2026), loaded2027]),
      remove: () => {
        removed = true;
        return new Response(null, { status: 204 });
      },
    });
    fireEvent.click(within(await rowOf(2027)).getByText('删除'));
    expect(
      await screen.findByText('删除后，2027年的办理期限只按周一至周五计算工作日，直到再次载入。'),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    expect(await screen.findByText('已删除2027年的安排')).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/calendar/years/2027')).toBe(true);
    expect(await screen.findByTestId('calendar-uncovered')).toBeTruthy();
  });
});
