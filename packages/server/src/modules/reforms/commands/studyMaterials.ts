import type { ServiceContext } from '../../../context.js';
import { forbidden, notFound } from '../../../errors.js';
import * as kit from '../../../kernel/attachments.js';
import { canStudy } from '../policy-study.js';
import {
  loadSession,
  readableSession,
  studyMaterialOwner,
  studyMaterialRules,
} from '../queries/study-sessions.js';
import { mayStudyAtAll } from './study-common.js';

async function organised(ctx: ServiceContext, sessionId: string) {
  mayStudyAtAll(ctx, 'session.organise');
  const { resource } = await loadSession(ctx.db, sessionId);
  if (!canStudy(ctx.principal, 'session.organise', resource)) throw forbidden();
}

/** The organiser adds a material (slides, handouts, the cases taught); the kernel's attachments audit it. */
export async function addStudyMaterial(
  ctx: ServiceContext,
  sessionId: string,
  upload: () => Promise<kit.Upload>,
) {
  await organised(ctx, sessionId);
  return kit.addAttachment(ctx, studyMaterialOwner(sessionId), studyMaterialRules, upload);
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
  await kit.removeAttachment(ctx, a, studyMaterialRules);
}
