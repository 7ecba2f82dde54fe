import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { searchTokens } from '../../ideas/api.js';
import { canReform } from '../policy.js';
import { loadProject } from '../queries/lookup.js';
import { reformCases, reformProjects } from '../schema.js';
import { mayAtAll } from './project-common.js';

export type CaseRow = typeof reformCases.$inferSelect;

/** The project a case is drawn from, which the caller's office must be over; an unknown one is a 400. */
export async function caseProject(ctx: ServiceContext, projectId: string) {
  mayAtAll(ctx, 'case.write');
  const p = await loadProject(ctx.db, projectId).catch(() => {
    throw new AppError('VALIDATION', 'no such project', [
      { path: 'projectId', message: 'no such project', code: 'unknown_project' },
    ]);
  });
  if (!canReform(ctx.principal, 'case.write', p.resource)) throw forbidden();
  return p;
}

export async function loadCaseRow(db: Db, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(reformCases).where(eq(reformCases.id, id));
  if (!row) throw notFound('case');
  return row;
}

/** Two cases never share a title: the library lists them by it. */
export async function checkCaseTitle(db: Db, title: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: reformCases.id })
    .from(reformCases)
    .where(and(eq(reformCases.title, title), exceptId ? ne(reformCases.id, exceptId) : undefined));
  if (taken)
    throw new AppError('CONFLICT', 'a case has this title', [
      { path: 'title', message: 'taken', code: 'taken' },
    ]);
}

/** What the library's search matches a case by: its text, the places that adopted it, its project. */
export const caseTokens = (
  c: Pick<CaseRow, 'title' | 'summary' | 'measures' | 'results' | 'adoptedIn'>,
  projectName: string,
) => searchTokens([c.title, c.summary, c.measures, c.results, ...c.adoptedIn, projectName].join('\n'));

/**
 * In a case's write: the name of its project as it stands, the project's row held (shared) until
 * the write commits, so a rename waits for the case and rebuilds its words after, or went first.
 */
export async function heldProjectName(tx: Tx, projectId: string): Promise<string> {
  const [p] = await tx
    .select({ name: reformProjects.name })
    .from(reformProjects)
    .where(eq(reformProjects.id, projectId))
    .for('share');
  if (!p) throw notFound('project');
  return p.name;
}

/** A project renamed: its cases are found in the library by the new name, no longer by the old. */
export async function renameInCases(tx: Tx, projectId: string, name: string): Promise<void> {
  const cases = await tx.select().from(reformCases).where(eq(reformCases.projectId, projectId)).for('update');
  for (const c of cases)
    await tx
      .update(reformCases)
      .set({ tokens: caseTokens(c, name) })
      .where(eq(reformCases.id, c.id));
}
