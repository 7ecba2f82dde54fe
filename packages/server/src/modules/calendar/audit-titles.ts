import type { AuditTitles } from '../../kernel/audit-titles.js';

/**
 * A calendar year's events name the year (the entity's id), which is its title in any language;
 * the log words the kind (日历年份). A removed year keeps its title: it is the id.
 */
export const calendarAuditTitles: AuditTitles = {
  calendar_year: async (_db, ids) => new Map(ids.map((id) => [id, { title: id, link: '/admin/calendar' }])),
};
