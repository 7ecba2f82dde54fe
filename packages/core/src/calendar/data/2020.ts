import type { YearArrangement } from '../arrangement.js';

// 国办发明电〔2019〕16号, amended by 国办发明电〔2020〕1号, which extended the Spring Festival
// holiday (COVID-19) to Sunday 2 February: 31 January and 1 February became days off, and
// Saturday 1 February, first a make-up workday, was no longer worked.
export const year2020: YearArrangement = {
  year: 2020,
  sources: [
    {
      title: '国务院办公厅关于2020年部分节假日安排的通知',
      number: '国办发明电〔2019〕16号',
      issued: '2019-11-21',
      url: 'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm',
    },
    {
      title: '国务院办公厅关于延长2020年春节假期的通知',
      number: '国办发明电〔2020〕1号',
      issued: '2020-01-27',
      url: 'http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
    },
  ],
  holidays: [
    { name: '元旦', start: '2020-01-01', end: '2020-01-01', days: 1 },
    {
      name: '春节',
      start: '2020-01-24',
      end: '2020-02-02',
      days: 10,
      note: '通知: 1月24日至30日, 共7天; 国办发明电〔2020〕1号 延长至2月2日',
    },
    { name: '清明节', start: '2020-04-04', end: '2020-04-06', days: 3 },
    { name: '劳动节', start: '2020-05-01', end: '2020-05-05', days: 5 },
    { name: '端午节', start: '2020-06-25', end: '2020-06-27', days: 3 },
    { name: '国庆节、中秋节', start: '2020-10-01', end: '2020-10-08', days: 8 },
  ],
  workdays: [
    { date: '2020-01-19', name: '春节' },
    // 2020-02-01 (Saturday) was a make-up workday until 国办发明电〔2020〕1号.
    { date: '2020-04-26', name: '劳动节' },
    { date: '2020-05-09', name: '劳动节' },
    { date: '2020-06-28', name: '端午节' },
    { date: '2020-09-27', name: '国庆节、中秋节' },
    { date: '2020-10-10', name: '国庆节、中秋节' },
  ],
};
