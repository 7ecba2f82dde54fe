import { attachmentRouter } from '../../../kernel/attachment-routes.js';
import { addAttachment } from '../commands/addAttachment.js';
import { removeAttachment } from '../commands/removeAttachment.js';
import { Attachment } from '../contracts.js';
import { readAttachment } from '../queries/attachments.js';

/** Scans attached to paper suggestions (书面议): the kernel's file routes, with this module's checks. */
export const ideasAttachmentRouter = attachmentRouter({
  tags: ['ideas (staff)'],
  ownerPath: '/ideas/suggestions/{id}/attachments',
  filePath: '/ideas/attachments/{id}',
  operations: 'attachment',
  view: Attachment,
  add: addAttachment,
  read: readAttachment,
  remove: removeAttachment,
  signedInPaths: ['/ideas/suggestions/*', '/ideas/attachments/*'],
});
