import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { removeAttachment as remove } from '../../../kernel/attachments.js';
import { canIdea } from '../policy.js';
import { loadAttachment, rules } from '../queries/attachments.js';

/** Removes a scan, by staff who may enter written suggestions for its town; audited by the kernel. */
export async function removeAttachment(ctx: ServiceContext, id: string): Promise<void> {
  const { a, path } = await loadAttachment(ctx, id);
  if (!canIdea(ctx.principal, 'suggestion.submitWritten', path)) throw forbidden();
  await remove(ctx, a, rules);
}
