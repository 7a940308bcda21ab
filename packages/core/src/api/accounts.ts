import { z } from 'zod';
import { Email, Id, MailboxKind, Password, PersonName, Role } from './common.ts';

export const NationalIdKind = z.enum(['rpps', 'adeli']);
export type NationalIdKind = z.infer<typeof NationalIdKind>;

/** What a person submits to join; identifiers are checked (keys) by the server with packages/core/ids. */
export const RegistrationRequest = z.strictObject({
  email: Email,
  /** Omitted when an establishment admin registers a staff member: they activate by link after approval. */
  password: Password.optional(),
  firstName: PersonName,
  lastName: PersonName,
  role: z.enum(['professional', 'secretary', 'application', 'establishment_admin']).default('professional'),
  nationalIdKind: NationalIdKind.optional(),
  nationalId: z.string().trim().max(20).optional(),
  /** TRE_G15 profession code, e.g. "10" (médecin). */
  profession: z.string().trim().max(10).optional(),
  /** TRE_R38 specialty code, e.g. "SM54" (médecine générale). */
  specialty: z.string().trim().max(10).optional(),
  organisationId: Id.optional(),
  /** The charter version the person accepted; must be the current one. */
  charterVersion: z.number().int().positive(),
});
export type RegistrationRequest = z.input<typeof RegistrationRequest>;

export const RegistrationStatus = z.enum(['pending', 'approved', 'rejected']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const Registration = z.object({
  id: Id,
  userId: Id,
  status: RegistrationStatus,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: Role,
  nationalIdKind: NationalIdKind.nullable(),
  nationalId: z.string().nullable(),
  profession: z.string().nullable(),
  specialty: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** What the national RPPS reference says of the identity (name mismatch, unknown, left): for the technician. */
  checks: z.array(z.object({ code: z.string(), message: z.string() })).default([]),
});
export type Registration = z.infer<typeof Registration>;

export const RejectRequest = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const Mailbox = z.object({
  id: Id,
  address: z.string(),
  kind: MailboxKind,
  organisationId: z.string().nullable(),
  acceptsAttachments: z.boolean(),
  /** The caller's relation to the mailbox. */
  access: z.enum(['owner', 'delegate']).optional(),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const CreateMailboxRequest = z.strictObject({
  address: Email,
  kind: MailboxKind,
  organisationId: Id.optional(),
  acceptsAttachments: z.boolean().default(true),
});

export const Membership = z.object({
  organisationId: Id,
  organisationName: z.string(),
  role: Role,
});

export const Me = z.object({
  id: Id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(['pending', 'active', 'rejected', 'disabled']),
  roles: z.array(z.object({ role: Role, organisationId: z.string().nullable() })),
  nationalIdKind: NationalIdKind.nullable(),
  nationalId: z.string().nullable(),
  profession: z.string().nullable(),
  specialty: z.string().nullable(),
  totpEnabled: z.boolean(),
  memberships: z.array(Membership),
  mailboxes: z.array(Mailbox),
  charterVersion: z.number().nullable(),
  charterAcceptedAt: z.string().nullable(),
  /** The version in force: when it is not `charterVersion`, the person must accept it before sending. */
  charterCurrentVersion: z.number(),
});
export type Me = z.infer<typeof Me>;

export const CreateUserRequest = z.strictObject({
  email: Email,
  password: Password,
  firstName: PersonName,
  lastName: PersonName,
  role: Role,
  organisationId: Id.optional(),
});

export const Charter = z.object({
  version: z.number(),
  title: z.string(),
  text: z.string(),
  publishedAt: z.string().nullable(),
});
export type Charter = z.infer<typeof Charter>;
