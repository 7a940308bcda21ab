import { Charter, Me, Registration, type RegistrationRequest } from '@liaison/core/api/index';
import { RppsRecord } from '@liaison/core/api/directory';
import { api } from './client.ts';

export function fetchMe() {
  return api('/api/me', Me);
}

/** The charter in the reader's language (French unless they switched to English). */
export function fetchCharter(language: string) {
  return api(`/api/charter?lang=${language.startsWith('en') ? 'en' : 'fr'}`, Charter);
}

export function submitRegistration(body: RegistrationRequest) {
  return api('/api/registrations', Registration, { method: 'POST', body });
}

export function fetchPendingRegistrations() {
  return api('/api/registrations?status=pending', Registration.array());
}

export function approveRegistration(id: string) {
  return api(`/api/registrations/${encodeURIComponent(id)}/approve`, Registration, {
    method: 'POST',
    body: {},
  });
}

export function rejectRegistration(id: string, reason: string) {
  return api(`/api/registrations/${encodeURIComponent(id)}/reject`, Registration, {
    method: 'POST',
    body: { reason },
  });
}

/** The national RPPS reference's record of a number (404 when it is not there): pre-fills registration. */
export function fetchRppsRecord(rpps: string, signal?: AbortSignal) {
  return api(`/api/directory/rpps/${encodeURIComponent(rpps)}`, RppsRecord, signal ? { signal } : {});
}
