import { and, asc, eq, like } from 'drizzle-orm';
import { auditEvents } from '../audit/schema.js';
import type { TestClient, TestContext } from './app.js';

/** A file named as people name scans: after whom it concerns, with their phone and ID number. */
export const personalFileName = (extension: string) =>
  `王小明 13812345678 身份证500101199001011234.${extension}`;

/** The same name as the audit log keeps and shows it. */
export const maskedFileName = (extension: string) =>
  `王小明 138****5678 身份证5001**********1234.${extension}`;

/** The numbers of `personalFileName`, none of which the audit log may hold or show in clear. */
export const numbersInFileName = ['13812345678', '500101199001011234'];

/**
 * The audit events of a file as stored, oldest first: each action with the file's entry (the
 * `after` of an addition, the `before` of a removal). `actionPrefix` keeps only the file's events
 * where they name its owner rather than the file.
 */
export async function storedFileEntries(t: TestContext, entityId: string, actionPrefix = '') {
  const rows = await t.database.db
    .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), like(auditEvents.action, `${actionPrefix}%`)))
    .orderBy(asc(auditEvents.id));
  return rows.map((e) => ({ action: e.action, entry: (e.after ?? e.before) as Record<string, unknown> }));
}

interface ListedEvent {
  action: string;
  entityTitle: string | null;
  after: unknown;
  before: unknown;
}

/** The audit log's page of an entity's events, as one of its readers (the district office) reads it. */
export async function listedEvents(reader: TestClient, entityId: string): Promise<ListedEvent[]> {
  const res = await reader.get<{ items: ListedEvent[] }>(
    `/api/v1/audit/events?pageSize=100&entityId=${entityId}`,
  );
  if (res.status !== 200) throw new Error(`the audit log answered ${res.status}`);
  return res.body.items;
}
