import type { OperationDocs } from '../../openapi/operation-docs.js';

/** The official working-day calendar: the built-in years and those loaded from later notices. */
export const calendarDocs: OperationDocs = {
  'calendar.list': {
    summary: { 'zh-CN': '工作日历的年份', en: 'Years of the working-day calendar' },
    description: {
      'zh-CN':
        '日历已有的每一年及其依据（国务院办公厅的节假日安排通知）、放假和调休上班日：随程序发布的年份，以及发布后由区里载入的年份。未收录的年份，期限按周一至周五计算。',
      en: 'Every year the calendar holds, with its source (the State Council General Office’s holiday notice), days off and make-up workdays: the years shipped with the code and those the district loaded later. In a year not held, deadlines count Monday to Friday.',
    },
    signedIn: true,
  },
  'calendar.load': {
    summary: { 'zh-CN': '载入一年的节假日安排', en: 'Load a year’s holiday arrangement' },
    description: {
      'zh-CN':
        '区管理员按国务院办公厅的通知载入（或更正）一年的安排；日期须自洽（每段天数与通知所写一致、调休上班日为周末、没有既放假又上班的日子），否则答输入有误（calendar_inconsistent），不写入任何内容；没有任何放假日（no_holidays）、通知标题写的是另一年（source_year_mismatch）同样拒绝，一次列出全部问题。随程序发布的年份不能替换（built_in_year）。提交后，各服务进程在一分钟内按此计算期限。写入审计日志。',
      en: 'The district office loads (or corrects) a year from the State Council General Office’s notice; its dates must add up (each span’s stated count, make-up workdays on weekends, no day both off and worked), else invalid input (calendar_inconsistent) and nothing is written; so is an arrangement with no day off (no_holidays) or from a notice whose title names another year (source_year_mismatch), every problem listed at once. A year shipped with the code cannot be replaced (built_in_year). Once committed, every server process counts deadlines with it within a minute. Audited.',
    },
    signedIn: true,
    errors: ['VALIDATION', 'INVALID_STATE'],
  },
  'calendar.unload': {
    summary: { 'zh-CN': '删除载入的年份', en: 'Remove a loaded year' },
    description: {
      'zh-CN':
        '区管理员删除误载入的年份，该年的期限重新按周一至周五计算；随程序发布的年份不能删除。写入审计日志。',
      en: 'The district office removes a year loaded by mistake; its deadlines count Monday to Friday again. A year shipped with the code cannot be removed. Audited.',
    },
    signedIn: true,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  },
};
