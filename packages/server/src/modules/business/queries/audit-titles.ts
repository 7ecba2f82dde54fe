import { inArray } from 'drizzle-orm';
import { attachmentTitles } from '../../../kernel/attachments.js';
import { type AuditTitles, titleLookup } from '../../../kernel/audit-titles.js';
import { maskNumbersInText } from '../../../privacy.js';
import { businessFirms, businessIndustries, businessRequestCategories, businessRequests } from '../schema.js';
import { projectAuditTitles } from './project-audit-titles.js';

/** The audit log's titles of firms, their requests, the office's industries and categories, and projects. */
export const businessAuditTitles: AuditTitles = {
  ...projectAuditTitles,
  requestFile: attachmentTitles,
  firm: titleLookup(
    (db, ids) =>
      db
        .select({ id: businessFirms.id, name: businessFirms.name })
        .from(businessFirms)
        .where(inArray(businessFirms.id, ids)),
    (f) => ({ title: f.name }),
  ),
  businessRequest: titleLookup(
    (db, ids) =>
      db
        .select({ id: businessRequests.id, title: businessRequests.title })
        .from(businessRequests)
        .where(inArray(businessRequests.id, ids)),
    // The firm's own words: a phone typed into them is masked, as in the request lists.
    (r) => ({ title: maskNumbersInText(r.title) }),
  ),
  industry: titleLookup(
    (db, codes) =>
      db
        .select({ id: businessIndustries.code, name: businessIndustries.name })
        .from(businessIndustries)
        .where(inArray(businessIndustries.code, codes)),
    (i) => ({ title: i.name }),
    { textKeys: true },
  ),
  requestCategory: titleLookup(
    (db, codes) =>
      db
        .select({ id: businessRequestCategories.code, name: businessRequestCategories.name })
        .from(businessRequestCategories)
        .where(inArray(businessRequestCategories.code, codes)),
    (c) => ({ title: c.name }),
    { textKeys: true },
  ),
};
