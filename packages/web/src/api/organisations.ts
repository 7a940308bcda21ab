import {
  AccountRow,
  Organisation,
  OrganisationMailboxList,
  OrganisationSummary,
  type OrganisationInput,
} from '@liaison/core/api/index';
import { api } from './client.ts';

export function searchOrganisations(q: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ q });
  return api(`/api/organisations/search?${params.toString()}`, OrganisationSummary.array(), {
    ...(signal ? { signal } : {}),
  });
}

export function fetchOrganisations(incompleteOnly: boolean) {
  return api(`/api/organisations${incompleteOnly ? '?incomplete=true' : ''}`, Organisation.array());
}

export function fetchOrganisation(id: string) {
  return api(`/api/organisations/${encodeURIComponent(id)}`, Organisation);
}

export function createOrganisation(body: OrganisationInput) {
  return api('/api/organisations', Organisation, { method: 'POST', body });
}

export function updateOrganisation(id: string, body: Partial<OrganisationInput>) {
  return api(`/api/organisations/${encodeURIComponent(id)}`, Organisation, { method: 'PATCH', body });
}

export function fetchAccounts(id: string) {
  return api(`/api/organisations/${encodeURIComponent(id)}/accounts`, AccountRow.array());
}

export function accountsCsvUrl(id: string): string {
  return `/api/organisations/${encodeURIComponent(id)}/accounts.csv`;
}

/** Query key of an establishment's shared mailboxes (sits under the organisation's own key). */
export const organisationMailboxesKey = (id: string) => ['organisation', id, 'mailboxes'] as const;

/** The establishment's shared mailboxes (ORG/APP/CAB), for its admins and platform admins. */
export function fetchOrganisationMailboxes(id: string) {
  return api(`/api/organisations/${encodeURIComponent(id)}/mailboxes`, OrganisationMailboxList);
}
