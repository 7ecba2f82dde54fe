import { projectProgress, projectStatus } from '@qianxing/core/reforms';
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { maskNumbersInText } from '../../../privacy.js';
import { followReform } from '../../ideas/api.js';
import { reformMilestones, reformProjectSuggestions, reformProjects } from '../schema.js';

/** Where a project taken up from the campaign stands, as its followers hear of it. */
export interface FollowState {
  suggestionIds: string[];
  name: string;
  progress: number;
  status: string;
  done: Set<string>;
}

/** 0..1 → a whole percentage, as the notices say it. */
const percent = (share: number) => Math.round(share * 100);

/**
 * The state of a project with suggestions linked, read in the transaction of a change; null for a
 * project no suggestion became (nearly all of them), which then costs one small read.
 */
export async function followState(tx: Tx, projectId: string): Promise<FollowState | null> {
  const links = await tx
    .select({ suggestionId: reformProjectSuggestions.suggestionId })
    .from(reformProjectSuggestions)
    .where(eq(reformProjectSuggestions.projectId, projectId));
  if (links.length === 0) return null;
  const [row] = await tx.select().from(reformProjects).where(eq(reformProjects.id, projectId));
  if (!row) return null;
  const ms = await tx
    .select()
    .from(reformMilestones)
    .where(eq(reformMilestones.projectId, projectId))
    .orderBy(asc(reformMilestones.sort));
  return {
    suggestionIds: links.map((l) => l.suggestionId),
    name: row.name,
    progress: projectProgress(ms),
    status: projectStatus({ start: row.startDate, end: row.endDate, milestones: ms }, todayInChina()),
    done: new Set(ms.filter((m) => m.done === 1).map((m) => m.name)),
  };
}

/**
 * Tells the authors and supporters of the suggestions a project came from that a milestone was
 * approved done, or its progress or status moved, in the transaction of the change. `before` is
 * {@link followState} read at the start of the same transaction.
 */
export async function tellFollowers(tx: Tx, projectId: string, before: FollowState | null): Promise<void> {
  if (!before) return;
  const after = await followState(tx, projectId);
  if (!after) return;
  const milestones = [...after.done].filter((m) => !before.done.has(m));
  const moved = percent(after.progress) !== percent(before.progress) || after.status !== before.status;
  if (!moved && milestones.length === 0) return;
  await followReform(tx, after.suggestionIds, 'reformProgress', {
    projectId,
    projectName: after.name,
    progress: percent(after.progress),
    status: after.status,
    // The author reads it on the public tracking page: numbers masked, as the project's public page masks them.
    milestones: maskNumbersInText(milestones.join('、')),
  });
}
