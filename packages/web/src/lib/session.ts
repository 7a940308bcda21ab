import type { Me, Role } from '@liaison/core/api/index';
import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/accounts.ts';
import { isApiError } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';

/**
 * The signed-in user, or `null` when there is no full session (401): "not signed in" is a normal
 * state of the app, not an error to show.
 */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await fetchMe();
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.roles.some((entry) => roles.includes(entry.role));
}

/** Establishments the user administers, with names taken from their memberships. */
export function administeredOrganisations(me: Me): { id: string; name: string }[] {
  const ids = new Set(
    me.roles
      .filter((entry) => entry.role === 'establishment_admin' && entry.organisationId !== null)
      .map((entry) => entry.organisationId),
  );
  const seen = new Set<string>();
  const result: { id: string; name: string }[] = [];
  for (const membership of me.memberships) {
    if (!ids.has(membership.organisationId) || seen.has(membership.organisationId)) continue;
    seen.add(membership.organisationId);
    result.push({ id: membership.organisationId, name: membership.organisationName });
  }
  return result;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}
