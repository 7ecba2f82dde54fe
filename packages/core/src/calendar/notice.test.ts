import { afterEach, describe, expect, it } from 'vitest';
import { year2023 } from './data/2023.js';
import { year2024 } from './data/2024.js';
import { year2026 } from './data/2026.js';
import { CalendarError, YearNotCoveredError } from './errors.js';
import { builtInYears, officialCalendar, setLoadedArrangements } from './index.js';
import { parseHolidayNotice } from './notice.js';
import { createWorkCalendar } from './work-calendar.js';

/** The notice for 2026 as published (国办发明电〔2025〕7号, 4 November 2025), lines as pasted. */
const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
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

/** The items of the notice for 2023, whose New Year holiday starts in 2022. */
const notice2023 = `现将2023年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
三、清明节：4月5日放假，共1天。
四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。`;

/** The items of the notice for 2024, two of its holidays a single day joined to the weekend. */
const notice2024 = `国务院办公厅关于2024年部分节假日安排的通知
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（周日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（周日）、5月11日（周六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（周六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（周日）、10月12日（周六）上班。`;

describe('reading the State Council’s holiday notice', () => {
  it('reads the notice for 2026 into the built-in data, with its title, number and signing date', () => {
    const parsed = parseHolidayNotice(notice2026);
    expect(parsed.year).toBe(2026);
    expect(parsed.title).toBe('国务院办公厅关于2026年部分节假日安排的通知');
    expect(parsed.number).toBe(year2026.sources[0]!.number);
    expect(parsed.issued).toBe('2025-11-04');
    expect(parsed.holidays).toEqual(year2026.holidays);
    expect(parsed.workdays).toEqual(year2026.workdays);
    expect(parsed.unread).toEqual([]);
  });

  it('reads the document number however its brackets were pasted, and none where there is none', () => {
    const withNumber = (line: string) => parseHolidayNotice(`${line}\n${notice2024}`).number;
    expect(withNumber('国办发明电〔2026〕8号')).toBe('国办发明电〔2026〕8号');
    expect(withNumber('国办发明电[2026] 8 号')).toBe('国办发明电〔2026〕8号');
    expect(withNumber('国办发明电（２０２６）８号')).toBe('国办发明电〔2026〕8号');
    expect(withNumber('国办发明电【2026】08号')).toBe('国办发明电〔2026〕8号');
    expect(parseHolidayNotice(notice2024).number).toBeUndefined();
  });

  it('reads a date that names another year, and a single day off with its stated count', () => {
    const parsed = parseHolidayNotice(notice2023);
    expect(parsed.year).toBe(2023);
    expect(parsed.holidays).toEqual(year2023.holidays);
    expect(parsed.workdays).toEqual(year2023.workdays);
  });

  it('reads a day "joined to the weekend", and ignores a date that only encourages leave', () => {
    const parsed = parseHolidayNotice(notice2024);
    expect(parsed.holidays).toEqual(year2024.holidays);
    expect(parsed.workdays).toEqual(year2024.workdays);
  });

  it('makes a calendar that agrees with the built-in one, day by day', () => {
    const parsed = parseHolidayNotice(notice2026);
    const pasted = createWorkCalendar([{ year: 2026, sources: year2026.sources, ...parsed }]);
    const builtIn = createWorkCalendar([year2026]);
    for (const day of builtIn.workdaysIn('2026-01-01', '2026-12-31'))
      expect(pasted.isWorkday(day)).toBe(true);
    expect(pasted.workdaysBetween('2026-01-01', '2026-12-31')).toBe(
      builtIn.workdaysBetween('2026-01-01', '2026-12-31'),
    );
  });

  it('lists the items it cannot read rather than guessing, and reads full-width digits', () => {
    const parsed = parseHolidayNotice(
      '现将２０２７年元旦等放假安排通知如下。\n一、元旦：１月１日至３日放假，共３天。\n二、春节：另行通知。',
    );
    expect(parsed.year).toBe(2027);
    expect(parsed.holidays).toEqual([{ name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 }]);
    expect(parsed.unread).toEqual(['二、春节：另行通知。']);
  });

  it('tells days off from a worked day in one sentence', () => {
    const parsed = parseHolidayNotice(
      '现将2027年元旦放假安排通知如下。\n一、元旦：1月1日放假，1月3日（周日）上班。',
    );
    expect(parsed.holidays).toEqual([{ name: '元旦', start: '2027-01-01', end: '2027-01-01', days: 1 }]);
    expect(parsed.workdays).toEqual([{ date: '2027-01-03', name: '元旦' }]);
  });

  it('reads nothing without a year to read the dates in, unless one is given', () => {
    const items = '一、元旦：1月1日至3日放假，共3天。';
    expect(parseHolidayNotice(items)).toMatchObject({ holidays: [], unread: [items] });
    expect(parseHolidayNotice(items, { year: 2027 }).holidays).toHaveLength(1);
  });
});

describe('a year loaded at run time', () => {
  const year2027 = {
    year: 2027,
    sources: [
      {
        title: 'a test notice',
        number: '测试〔2026〕1号',
        issued: '2026-11-01',
        url: 'https://example.org/',
      },
    ],
    holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 }],
    workdays: [],
  };
  afterEach(() => setLoadedArrangements([]));

  it('joins the built-in years, and goes again when no longer loaded', () => {
    expect(() => officialCalendar.isWorkday('2027-01-04')).toThrow(YearNotCoveredError);
    setLoadedArrangements([year2027]);
    expect(officialCalendar.years.at(-1)).toBe(2027);
    expect(officialCalendar.isWorkday('2027-01-01')).toBe(false);
    expect(officialCalendar.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    setLoadedArrangements([]);
    expect(officialCalendar.years).toEqual(builtInYears);
  });

  it('refuses a year the code already has, or one whose dates do not add up, and keeps the calendar', () => {
    setLoadedArrangements([year2027]);
    expect(() => setLoadedArrangements([{ ...year2026 }])).toThrow(CalendarError);
    const wrongCount = { ...year2027, holidays: [{ ...year2027.holidays[0]!, days: 4 }] };
    expect(() => setLoadedArrangements([wrongCount])).toThrow(CalendarError);
    expect(officialCalendar.isWorkday('2027-01-01')).toBe(false);
  });
});
