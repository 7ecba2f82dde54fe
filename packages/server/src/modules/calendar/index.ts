import { defineModule } from '../../kernel/module.js';
import { calendarAuditTitles } from './audit-titles.js';
import { startLoadedYears } from './loaded-years.js';
import { calendarDocs } from './operation-docs.js';
import { canCalendar } from './policy.js';
import { calendarRouter } from './routes.js';
import * as tables from './schema.js';

/**
 * The official working-day calendar (工作日历): the years the code ships with, and those the
 * district office loads from the State Council's notice each November, so that deadlines of a
 * new year count its holidays without waiting for a release.
 */
export const calendarModule = defineModule({
  name: 'calendar',
  router: calendarRouter,
  tables,
  operationDocs: calendarDocs,
  auditTitles: calendarAuditTitles,
  menu: [
    {
      path: '/admin/calendar',
      label: 'calendar.menu.calendar',
      visible: (p) => canCalendar(p, 'calendar.load'),
    },
  ],
  abilities: [{ action: 'calendar.load', allowed: (p) => canCalendar(p, 'calendar.load') }],
  i18nNamespace: 'calendar',
  start: startLoadedYears,
});
