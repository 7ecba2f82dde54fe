import type { TestContext } from '../../test-support/app.js';
import {
  reformStudyAttendance,
  reformStudyInsights,
  reformStudyPractices,
  reformStudySessions,
  reformStudyVisits,
} from './schema.js';
import { auditCount } from './test-helpers.js';

/** What "nothing written" compares in the study tests: the study tables' rows and the audit log's length. */
export async function studySnapshot(t: TestContext) {
  const db = t.database.db;
  return {
    visits: (await db.select().from(reformStudyVisits)).map((v) => `${v.id}:${v.status}:${v.endDate}`).sort(),
    practices: (await db.select().from(reformStudyPractices)).length,
    insights: (await db.select().from(reformStudyInsights)).length,
    sessions: (await db.select().from(reformStudySessions)).length,
    attendance: (await db.select().from(reformStudyAttendance)).length,
    audit: await auditCount(t),
  };
}
