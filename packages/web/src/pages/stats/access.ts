import type { Me } from '@liaison/core/api/index';
import { hasRole } from '../../lib/session.ts';

/**
 * Who sees which statistics, as the server decides (platform: platform admins; an establishment:
 * platform admins and that establishment's admins). Read from the roles themselves, not from the
 * memberships: an admin of an establishment need not be one of its members. Convenience only: the
 * server refuses the figures to anyone else anyway.
 */

/** Establishments the person administers, in the order of their roles. */
export function administeredIds(me: Me): string[] {
  const ids: string[] = [];
  for (const entry of me.roles) {
    if (
      entry.role === 'establishment_admin' &&
      entry.organisationId !== null &&
      !ids.includes(entry.organisationId)
    ) {
      ids.push(entry.organisationId);
    }
  }
  return ids;
}

export function canSeePlatformStats(me: Me): boolean {
  return hasRole(me, 'platform_admin');
}

export function canSeeEstablishmentStats(me: Me, organisationId: string): boolean {
  return canSeePlatformStats(me) || administeredIds(me).includes(organisationId);
}
