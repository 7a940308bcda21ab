import type { Role } from '@liaison/core/api/common';
import { fail } from '../errors.ts';

/** Who is acting, as resolved from a session or a CLI command run by an operator. */
export interface Actor {
  userId: string;
  roles: ReadonlyArray<{ role: Role; organisationId: string | null }>;
  /** Operators at the console (`liaison admin …`) act as the platform, not as a user. */
  console?: boolean;
}

export const CONSOLE_ACTOR: Actor = {
  userId: 'console',
  roles: [{ role: 'platform_admin', organisationId: null }],
  console: true,
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) fail('FORBIDDEN');
}

export function adminOf(actor: Actor): string[] {
  return actor.roles
    .filter((r) => r.role === 'establishment_admin' && r.organisationId)
    .map((r) => r.organisationId!);
}

/** Establishment admins act on their own establishment only; platform admins on any. */
export function requireOrganisationAdmin(actor: Actor, organisationId: string): void {
  if (hasRole(actor, 'platform_admin')) return;
  if (adminOf(actor).includes(organisationId)) return;
  if (hasRole(actor, 'establishment_admin')) fail('OUTSIDE_ESTABLISHMENT');
  fail('FORBIDDEN');
}

export function auditActor(actor: Actor): string {
  return actor.console ? 'console' : actor.userId;
}
