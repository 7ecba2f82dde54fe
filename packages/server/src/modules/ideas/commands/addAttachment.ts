import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import type * as kit from '../../../kernel/attachments.js';
import { addAttachment as add } from '../../../kernel/attachments.js';
import type { Attachment } from '../contracts.js';
import { canIdea } from '../policy.js';
import { owner, rules, suggestionPath } from '../queries/attachments.js';

/** Attaches a scan; the file is on disk before its row commits, and removed if the row fails. */
export async function addAttachment(
  ctx: ServiceContext,
  suggestionId: string,
  upload: () => Promise<kit.Upload>,
): Promise<Attachment> {
  const path = await suggestionPath(ctx, suggestionId);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  return add(ctx, owner(suggestionId), rules, upload);
}
