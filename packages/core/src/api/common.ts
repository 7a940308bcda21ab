import { z } from 'zod';

/** Every error the API returns has this shape; `code` is stable and documented in docs/errors.md. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Email = z.string().trim().toLowerCase().pipe(z.email()).check(z.maxLength(254));
export const Password = z.string().min(12, 'password too short').max(200);
export const PersonName = z.string().trim().min(1).max(100);
export const Id = z.string().uuid();
export const TotpCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$|^[a-z0-9]{4}-[a-z0-9]{4}$/i, 'expected a 6-digit code or a recovery code');

export const ROLES = [
  'professional',
  'secretary',
  'application',
  'establishment_admin',
  'technician',
  'platform_admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ORGANISATION_KINDS = [
  'hospital',
  'clinic',
  'ehpad',
  'lab',
  'practice',
  'pharmacy',
  'other',
] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const MAILBOX_KINDS = ['PER', 'ORG', 'APP', 'CAB'] as const;
export const MailboxKind = z.enum(MAILBOX_KINDS);
export type MailboxKind = z.infer<typeof MailboxKind>;
