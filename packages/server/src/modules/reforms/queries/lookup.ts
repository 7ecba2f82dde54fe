import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { fileKinds } from '../../../files/store.js';
import type { AttachmentRules, Owner } from '../../../kernel/attachments.js';
import { type UnitBrief, unitsByIds } from '../../units/api.js';
import { maskedForAudit } from '../commands/audit-masked.js';
import type { ReformResource } from '../policy.js';
import { reformLists, reformMilestones, reformProjects, reformProjectUnits } from '../schema.js';

export type ProjectRow = typeof reformProjects.$inferSelect;
export type MilestoneRow = typeof reformMilestones.$inferSelect;
export type ListRow = typeof reformLists.$inferSelect;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A project with its lead unit and co-units, and what the policy needs of it. */
export interface LoadedProject {
  row: ProjectRow;
  lead: UnitBrief;
  coUnits: UnitBrief[];
  resource: ReformResource;
}

/** The project, or not found; the caller decides who may see it. */
export async function loadProject(db: Db, id: string): Promise<LoadedProject> {
  const [row] = await db.select().from(reformProjects).where(eq(reformProjects.id, id));
  if (!row) throw notFound('project');
  const co = await db
    .select({ unitId: reformProjectUnits.unitId })
    .from(reformProjectUnits)
    .where(eq(reformProjectUnits.projectId, id));
  const units = await unitsByIds(db, [row.leadUnitId, ...co.map((c) => c.unitId)]);
  const lead = units.get(row.leadUnitId)!;
  const coUnits = co.flatMap((c) => units.get(c.unitId) ?? []).sort((a, b) => a.code.localeCompare(b.code));
  return { row, lead, coUnits, resource: { unitPath: lead.path, coUnitPaths: coUnits.map((u) => u.path) } };
}

export async function milestonesOf(db: Db, projectIds: readonly string[]): Promise<MilestoneRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select()
    .from(reformMilestones)
    .where(inArray(reformMilestones.projectId, [...projectIds]))
    .orderBy(asc(reformMilestones.projectId), asc(reformMilestones.sort), asc(reformMilestones.dueDate));
}

export async function listExists(db: Db, id: string): Promise<boolean> {
  return (await db.select({ id: reformLists.id }).from(reformLists).where(eq(reformLists.id, id))).length > 0;
}

/** Evidence files of monthly reports: <data>/files/reforms/<report>/<evidence id>. */
export const evidenceRules: AttachmentRules = {
  area: 'reforms',
  kinds: [fileKinds.pdf, fileKinds.png, fileKinds.jpeg, fileKinds.docx, fileKinds.xlsx],
  actions: { add: 'reformEvidence.add', remove: 'reformEvidence.remove' },
  auditAs: { entityType: 'reformEvidence' },
  // A scan is often named after whoever it concerns (张三-13812345678.pdf).
  maskForAudit: maskedForAudit,
};

export const evidenceOwner = (reportId: string): Owner => ({ kind: 'reformReport', id: reportId });
