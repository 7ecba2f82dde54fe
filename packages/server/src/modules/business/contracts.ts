import { z } from '@hono/zod-openapi';
import { type CreditCodeProblem, creditCodeFault, normaliseCreditCode } from '@qianxing/core/business';
import { limits } from '@qianxing/core/limits';
import { PageQuery } from '../../http/route-helpers.js';
import { displayName } from '../users/api.js';
import { firmSizes } from './schema.js';

/** The firms' API inputs and outputs: the one source of their types and of the OpenAPI document. */
export const FirmSize = z.enum(firmSizes).openapi('FirmSize');
export type FirmSize = z.infer<typeof FirmSize>;

/** Each fault of a credit code as the reason a page words (errors.field.*). */
const creditCodeReasons: Record<CreditCodeProblem, { reason: string; message: string }> = {
  length: { reason: 'credit_code_length', message: 'a unified social credit code has 18 characters' },
  character: { reason: 'credit_code_character', message: 'a character the code does not use' },
  authority: { reason: 'credit_code_authority', message: 'not a registration authority code' },
  category: { reason: 'credit_code_category', message: 'not an organisation category of that authority' },
  division: { reason: 'credit_code_division', message: 'positions 3 to 8 are not a division code' },
  check: { reason: 'credit_code_check', message: 'the check character does not match' },
};

/** A unified social credit code, normalised (spaces dropped, capitals) and checked per GB 32100-2015. */
export const creditCode = z
  .string()
  .max(40)
  .overwrite(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const fault = creditCodeFault(code);
    if (!fault) return;
    const { reason, message } = creditCodeReasons[fault.problem];
    ctx.addIssue({
      code: 'custom',
      message,
      params: { reason, ...(fault.position ? { position: fault.position } : {}) },
    });
  })
  .openapi({
    description:
      'The unified social credit code (GB 32100-2015); spaces are dropped and letters made capitals',
    example: '914403001922038216',
  });

export const FirmContact = z
  .object({
    name: z.string().trim().min(limits.contactName.min).max(limits.contactName.max),
    phone: z.string().trim().regex(limits.contactPhone, 'a mobile number, or a landline with its area code'),
  })
  .strict()
  .openapi('FirmContact');
export type FirmContact = z.infer<typeof FirmContact>;

const firmFields = {
  name: z.string().trim().min(limits.firmName.min).max(limits.firmName.max),
  creditCode,
  industryCode: z.string().trim().min(1).max(8),
  townId: z.uuid(),
  size: FirmSize,
  contacts: z.array(FirmContact).max(limits.firmContacts),
};

export const FirmInput = z
  .object({ ...firmFields, contacts: firmFields.contacts.default([]) })
  .strict()
  .openapi('FirmInput');
export type FirmInput = z.infer<typeof FirmInput>;

export const FirmUpdate = z.object(firmFields).partial().strict().openapi('FirmUpdate');
export type FirmUpdate = z.infer<typeof FirmUpdate>;

/** What the caller may do on a firm, decided by the policy and sent with it: the web shows a button for each true one. */
export const FirmActions = z.object({ update: z.boolean(), manageStaff: z.boolean() }).openapi('FirmActions');

export const Firm = z
  .object({
    id: z.uuid(),
    name: z.string(),
    creditCode: z.string(),
    industryCode: z.string(),
    industryName: z.string(),
    townId: z.uuid(),
    townName: z.string(),
    size: FirmSize,
    /** Masked (张*, 138****5678) in lists and exports; whole on the firm's own page. */
    contacts: z.array(z.object({ name: z.string(), phone: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    actions: FirmActions,
  })
  .openapi('Firm');
export type Firm = z.infer<typeof Firm>;

export const FirmQuery = PageQuery.extend({
  /** Part of the name or of the credit code. */
  q: z.string().trim().max(100).optional(),
  industry: z.string().trim().max(8).optional(),
  townId: z.uuid().optional(),
  size: FirmSize.optional(),
});
export type FirmQuery = z.infer<typeof FirmQuery>;
export const FirmExportQuery = FirmQuery.omit({ page: true, pageSize: true });

/** What the caller may do on the registry as a whole, sent with each page of it. */
export const FirmRegistryActions = z
  .object({ create: z.boolean(), import: z.boolean() })
  .openapi('FirmRegistryActions');

export const FirmPage = z
  .object({ total: z.number().int(), items: z.array(Firm), actions: FirmRegistryActions })
  .openapi('FirmPage');
export type FirmPage = z.infer<typeof FirmPage>;

export const FirmImportReport = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .openapi('FirmImportReport');
export type FirmImportReport = z.infer<typeof FirmImportReport>;

export const FirmMember = z
  .object({
    userId: z.uuid(),
    login: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    since: z.string(),
  })
  .openapi('FirmMember');

export const InviteFirmStaffInput = z
  .object({ displayName, days: z.number().int().min(1).max(30).default(7) })
  .strict()
  .openapi('InviteFirmStaffInput');

export const FirmInvitation = z
  .object({ token: z.string(), expiresAt: z.string() })
  .openapi('FirmInvitation');

export const MemberParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

export const Industry = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    sort: z.number().int(),
    active: z.boolean(),
  })
  .openapi('Industry');
export type Industry = z.infer<typeof Industry>;

const industryFields = {
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().max(120),
  sort: z.number().int().min(0).max(9999),
  active: z.boolean(),
};

export const IndustryInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{1,8}$/, 'capital letters and digits, at most 8'),
    ...industryFields,
    nameEn: industryFields.nameEn.default(''),
    sort: industryFields.sort.default(0),
    active: industryFields.active.default(true),
  })
  .strict()
  .openapi('IndustryInput');
export type IndustryInput = z.infer<typeof IndustryInput>;

export const IndustryUpdate = z.object(industryFields).partial().strict().openapi('IndustryUpdate');
export type IndustryUpdate = z.infer<typeof IndustryUpdate>;

export const IndustryParam = z.object({
  code: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
