import { z } from 'zod';
import { Email, Id, OrganisationKind } from './common.ts';

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .()-]{6,20}$/, 'not a phone number');
const Contact = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: Email.optional(),
  phone: Phone.optional(),
});

/** The establishment profile. Fields are optional on write; completeness is reported separately. */
export const OrganisationFields = z.strictObject({
  kind: OrganisationKind,
  name: z.string().trim().min(2).max(200),
  groupName: z.string().trim().max(200).nullable().optional(),
  finess: z.string().trim().nullable().optional(),
  addressLine1: z.string().trim().max(200).nullable().optional(),
  addressLine2: z.string().trim().max(200).nullable().optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9]{5}$/, 'expected 5 digits')
    .nullable()
    .optional(),
  city: z.string().trim().max(100).nullable().optional(),
  fileNumber: z.string().trim().max(50).nullable().optional(),
  beds: z.number().int().min(0).max(100_000).nullable().optional(),
  adminReferent: Contact.nullable().optional(),
  itHead: Contact.nullable().optional(),
  phone: Phone.nullable().optional(),
  mobilePhone: Phone.nullable().optional(),
  alertMailbox: Email.nullable().optional(),
});
export const CreateOrganisationRequest = OrganisationFields;
export const UpdateOrganisationRequest = OrganisationFields.partial();
export type OrganisationInput = z.input<typeof OrganisationFields>;

export const Organisation = z.object({
  id: Id,
  kind: OrganisationKind,
  name: z.string(),
  groupName: z.string().nullable(),
  finess: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  fileNumber: z.string().nullable(),
  beds: z.number().nullable(),
  adminReferent: z
    .object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() })
    .nullable(),
  itHead: z
    .object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() })
    .nullable(),
  phone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  alertMailbox: z.string().nullable(),
  /** Names of the profile fields still empty; empty array when complete. */
  missing: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

/** Public, minimal view for the registration form's establishment picker. */
export const OrganisationSummary = z.object({
  id: Id,
  name: z.string(),
  kind: OrganisationKind,
  city: z.string().nullable(),
  finess: z.string().nullable(),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const AccountRow = z.object({
  userId: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.string(),
  status: z.string(),
  nationalId: z.string().nullable(),
  mailboxes: z.array(z.object({ address: z.string(), kind: z.string() })),
  createdAt: z.string(),
  /** Present while a staff account waits for its holder to set a password. */
  activationUrl: z.string().nullable(),
});
export type AccountRow = z.infer<typeof AccountRow>;

/**
 * GET /api/organisations/:id/mailboxes — the establishment's shared mailboxes (never PER), sorted
 * by address, for its admins and platform admins. `hasKey` tells whether mail can be encrypted to it
 * yet: an owner's device must first make the mailbox's encryption key and certificate.
 */
export const OrganisationMailbox = z.object({
  id: Id,
  address: z.string(),
  kind: z.enum(['ORG', 'APP', 'CAB']),
  acceptsAttachments: z.boolean(),
  /** Owners and delegates. */
  members: z.number().int(),
  /** An active, unexpired encryption certificate exists for the mailbox. */
  hasKey: z.boolean(),
});
export type OrganisationMailbox = z.infer<typeof OrganisationMailbox>;
export const OrganisationMailboxList = z.array(OrganisationMailbox);
