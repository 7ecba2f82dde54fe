import { z } from '@hono/zod-openapi';
import { reminderClosings, supervisionKinds } from './schema.js';

/** 纪委监督 on one request: the API's inputs and outputs, the one source of their types. */
export const SupervisionKind = z.enum(supervisionKinds).openapi('SupervisionKind');

export const SupervisionInput = z
  .object({ kind: SupervisionKind, body: z.string().trim().min(2).max(2000) })
  .strict()
  .openapi('SupervisionInput');
export type SupervisionInput = z.infer<typeof SupervisionInput>;

export const AcknowledgeInput = z
  .object({ note: z.string().trim().min(2).max(2000) })
  .strict()
  .openapi('AcknowledgeInput');
export type AcknowledgeInput = z.infer<typeof AcknowledgeInput>;

export const SupervisionEntry = z
  .object({
    id: z.uuid(),
    kind: SupervisionKind,
    body: z.string(),
    departmentName: z.string().nullable(),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgement: z.string().nullable(),
    /** A reminder closed unacknowledged, and why (the request went to another department). */
    closedAt: z.string().nullable(),
    closedReason: z.enum(reminderClosings).nullable(),
    actions: z.object({ acknowledge: z.boolean() }).openapi('SupervisionEntryActions'),
  })
  .openapi('SupervisionEntry');
export type SupervisionEntry = z.infer<typeof SupervisionEntry>;

export const SupervisionTrail = z
  .object({
    items: z.array(SupervisionEntry),
    actions: z.object({ note: z.boolean(), remind: z.boolean() }).openapi('SupervisionTrailActions'),
  })
  .openapi('SupervisionTrail');
export type SupervisionTrail = z.infer<typeof SupervisionTrail>;
