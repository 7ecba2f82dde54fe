import { inArray } from 'drizzle-orm';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import {
  businessIndustrialChains,
  businessMarketEntities,
  businessProjects,
  businessSurveys,
} from '../schema.js';

/**
 * The audit log's titles of investment projects, industrial chains, the monthly counts of new
 * market entities (keyed by month) and the surveys of departments' service.
 */
export const projectAuditTitles: AuditTitles = {
  businessProject: titleLookup(
    (db, ids) =>
      db
        .select({ id: businessProjects.id, name: businessProjects.name })
        .from(businessProjects)
        .where(inArray(businessProjects.id, ids)),
    (p) => ({ title: p.name, link: '/admin/business/projects' }),
  ),
  industrialChain: titleLookup(
    (db, codes) =>
      db
        .select({ id: businessIndustrialChains.code, name: businessIndustrialChains.name })
        .from(businessIndustrialChains)
        .where(inArray(businessIndustrialChains.code, codes)),
    (c) => ({ title: c.name, link: '/admin/business/projects' }),
    { textKeys: true },
  ),
  marketEntities: titleLookup(
    (db, months) =>
      db
        .select({ id: businessMarketEntities.month })
        .from(businessMarketEntities)
        .where(inArray(businessMarketEntities.month, months)),
    (m) => ({ title: m.id, link: '/admin/business/investment' }),
    { textKeys: true },
  ),
  businessSurvey: titleLookup(
    (db, ids) =>
      db
        .select({ id: businessSurveys.id, title: businessSurveys.title })
        .from(businessSurveys)
        .where(inArray(businessSurveys.id, ids)),
    (s) => ({ title: s.title, link: '/admin/business/surveys' }),
  ),
};
