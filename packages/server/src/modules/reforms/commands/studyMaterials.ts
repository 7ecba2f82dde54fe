import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { unitsByIds } from '../../units/api.js';
import { canStudy } from '../policy-study.js';
import {
  loadSession,
  readableSession,
  studyMaterialOwner,
  studyMaterialRules,
} from '../queries/study-sessions.js';
import { reformStudySessions } from '../schema.js';
import { mayStudyAtAll } from './study-common.js';

async function organised(ctx: ServiceContext, sessionId: string) {
  mayStudyAtAll(ctx, 'session.organise');
  const { resource } = await loadSession(ctx.db, sessionId);
  if (!canStudy(ctx.principal, 'session.organise', resource)) throw forbidden();
}

/**
 * In the file's transaction: the session's row held until it commits, and the caller's right to
 * organise it asked again of its unit as it now stands. An upload takes a while, and the office may
 * hand the session to another unit meanwhile; the unit it was taken from then adds or removes no
 * file. The office's change waits for this one, or this one sees it.
 */
function holdOrganised(ctx: ServiceContext, sessionId: string): kit.Hold {
  return async (tx: Tx) => {
    const [row] = await tx
      .select({ unitId: reformStudySessions.unitId })
      .from(reformStudySessions)
      .where(eq(reformStudySessions.id, sessionId))
      .for('share');
    if (!row) throw notFound('session');
    const unit = (await unitsByIds(tx, [row.unitId])).get(row.unitId);
    if (!canStudy(ctx.principal, 'session.organise', { unitPath: unit?.path ?? '' })) throw forbidden();
  };
}

/** The organiser adds a material (slides, handouts, the cases taught); the kernel's attachments audit it. */
export async function addStudyMaterial(
  ctx: ServiceContext,
  sessionId: string,
  upload: () => Promise<kit.Upload>,
) {
  await organised(ctx, sessionId);
  return kit.addAttachment(
    ctx,
    studyMaterialOwner(sessionId),
    studyMaterialRules,
    upload,
    holdOrganised(ctx, sessionId),
  );
}

async function loadMaterial(ctx: ServiceContext, id: string) {
  const a = await kit.findAttachment(ctx.db, id, studyMaterialOwner('').kind);
  await readableSession(ctx, a.ownerId).catch(() => {
    throw notFound('attachment');
  });
  return a;
}

/** Every cadre who reads the session reads its materials. */
export async function readStudyMaterial(ctx: ServiceContext, id: string) {
  return kit.readAttachment(await loadMaterial(ctx, id));
}

export async function removeStudyMaterial(ctx: ServiceContext, id: string): Promise<void> {
  mayStudyAtAll(ctx, 'session.organise');
  const a = await loadMaterial(ctx, id);
  await organised(ctx, a.ownerId);
  await kit.removeAttachment(ctx, a, studyMaterialRules, holdOrganised(ctx, a.ownerId));
}
