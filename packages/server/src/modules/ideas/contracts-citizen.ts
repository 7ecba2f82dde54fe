import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import { PublicSuggestion } from './contracts.js';

const phone = z.string().trim().regex(limits.phone, 'a mainland mobile number of 11 digits');
const code = z.string().regex(/^\d{6}$/, 'six digits');
const trackingCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{10}$/, 'ten letters or digits');

/** Where a phone proves itself: the code is sent to it (the registration's limits). */
export const PhoneCodeInput = z.object({ phone }).strict().openapi('IdeaPhoneCodeInput');
export const PhoneCodeSent = z
  .object({ expiresInSeconds: z.number().int(), resendInSeconds: z.number().int() })
  .openapi('IdeaPhoneCodeSent');

/** An anonymous support proves its phone; a signed-in one sends nothing. */
export const SupportInput = z.object({ phone, code }).strict().openapi('IdeaSupportInput');

export const ClaimCodeInput = z.object({ trackingCode, phone }).strict().openapi('IdeaClaimCodeInput');
export const ClaimInput = z.object({ trackingCode, phone, code }).strict().openapi('IdeaClaimInput');

/** One of my suggestions, or one I follow: its public face, its town's name, where it stands. */
export const MySuggestion = PublicSuggestion.extend({
  trackingCode: z.string().nullable(),
  domainName: z.string().nullable(),
  townName: z.string().nullable(),
  /** Whether the public site shows it now (by default once screening accepted it). */
  shownInPublic: z.boolean(),
  /** The phone it was sent with, masked (the author's own list only). */
  phone: z.string().nullable(),
  updatedAt: z.string(),
}).openapi('MySuggestion');
export type MySuggestion = z.infer<typeof MySuggestion>;

export const MySuggestionQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const MySuggestionPage = z
  .object({ total: z.number().int(), items: z.array(MySuggestion) })
  .openapi('MySuggestionPage');

export const FollowState = z.object({ following: z.boolean() }).openapi('IdeaFollowState');
export const ClaimResult = z.object({ id: z.uuid(), title: z.string() }).openapi('IdeaClaimResult');
