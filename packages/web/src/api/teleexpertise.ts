import {
  AvailabilityView,
  BillingData,
  TeleexpertiseForm,
  TeleexpertiseRequestDetail,
  TeleexpertiseRequestSummary,
  TeleexpertiseService,
  type AddExpertRequest,
  type AnswerRequest,
  type Availability,
  type CreateServiceRequest,
  type CreateTeleexpertiseRequest,
  type FormRef,
  type NoteRequest,
  type RequestListQuery,
  type UpdateServiceRequest,
} from '@liaison/core/api/teleexpertise';
import type { QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

/**
 * Tele-expertise over HTTP (packages/server/src/teleexpertise/*Routes.ts; contract in
 * packages/core/src/api/teleexpertise.ts). Only envelopes and routing go through here: requests,
 * notes and answers are sealed and opened on the device (pages/teleexpertise/shared/teCrypto.ts).
 * Every answer is checked against the zod schema of core.
 */

/**
 * react-query keys. Everything under `['teleexpertise']` is server state, refetched when the
 * WebSocket says a request changed. Decrypted content lives under `['teleexpertise-plain', userId]`:
 * an envelope never changes, so it is opened once, and `queryClient.clear()` at sign-out drops it.
 */
export const teleexpertiseKeys = {
  all: ['teleexpertise'] as const,
  forms: ['teleexpertise', 'forms'] as const,
  form: (ref: FormRef) => ['teleexpertise', 'forms', ref.url, ref.version] as const,
  services: ['teleexpertise', 'services'] as const,
  service: (id: string) => ['teleexpertise', 'services', id] as const,
  availability: ['teleexpertise', 'availability'] as const,
  requestsAll: ['teleexpertise', 'requests'] as const,
  requests: (query: Partial<RequestListQuery>) => ['teleexpertise', 'requests', 'list', query] as const,
  request: (id: string) => ['teleexpertise', 'requests', 'detail', id] as const,
  billing: (month: string) => ['teleexpertise', 'billing', month] as const,
  plain: (userId: string) => ['teleexpertise-plain', userId] as const,
  /** One envelope opened on this device, keyed by the envelope's owner and role ('request', seq…). */
  opened: (userId: string, requestId: string, part: string) =>
    ['teleexpertise-plain', userId, requestId, part] as const,
  /** The service mailbox keys an expert unwraps to read a service's requests. */
  serviceKeys: (userId: string, mailboxId: string) =>
    ['teleexpertise-plain', userId, 'service-keys', mailboxId] as const,
};

/**
 * What a `teleexpertise` WebSocket event makes stale (lists, details, services' queue counts). For
 * lib/liveMail.ts's refetchFor; decrypted content is never stale (envelopes do not change).
 */
export function refetchTeleexpertise(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: teleexpertiseKeys.all });
}

const BASE = '/api/teleexpertise';
const enc = encodeURIComponent;
const requestPath = (id: string, rest = '') => `${BASE}/requests/${enc(id)}${rest}`;
const servicePath = (id: string, rest = '') => `${BASE}/services/${enc(id)}${rest}`;

// --- Forms -------------------------------------------------------------------------------------

export function fetchForms() {
  return api(`${BASE}/forms`, TeleexpertiseForm.array());
}

/** One form version (url and version in the query: a canonical url is awkward in a path segment). */
export function fetchForm(ref: FormRef) {
  const query = new URLSearchParams({ url: ref.url, version: ref.version });
  return api(`${BASE}/form?${query.toString()}`, TeleexpertiseForm);
}

/** Platform or establishment admin: refused with QUESTIONNAIRE_* naming the offending linkId. */
export function importForm(questionnaire: Record<string, unknown>) {
  return api(`${BASE}/forms`, TeleexpertiseForm, { method: 'POST', body: { questionnaire } });
}

// --- Services ----------------------------------------------------------------------------------

export function fetchServices() {
  return api(`${BASE}/services`, TeleexpertiseService.array());
}

export function fetchService(id: string) {
  return api(servicePath(id), TeleexpertiseService);
}

export function createService(request: CreateServiceRequest) {
  return api(`${BASE}/services`, TeleexpertiseService, { method: 'POST', body: request });
}

export function updateService(id: string, request: UpdateServiceRequest) {
  return api(servicePath(id), TeleexpertiseService, { method: 'PATCH', body: request });
}

export function addExpert(serviceId: string, request: AddExpertRequest) {
  return api(servicePath(serviceId, '/experts'), TeleexpertiseService, { method: 'POST', body: request });
}

/** Answers the service as it now stands. */
export function removeExpert(serviceId: string, userId: string) {
  return api(servicePath(serviceId, `/experts/${enc(userId)}`), TeleexpertiseService, { method: 'DELETE' });
}

// --- Availability (the caller's own) ----------------------------------------------------------

export function fetchAvailability() {
  return api(`${BASE}/availability`, AvailabilityView);
}

export function saveAvailability(availability: Availability) {
  return api(`${BASE}/availability`, AvailabilityView, { method: 'PUT', body: availability });
}

// --- Requests ----------------------------------------------------------------------------------

/** 201 the first time, 200 for a retry with the same id and envelope: the stored request either way. */
export function createRequest(request: CreateTeleexpertiseRequest) {
  return api(`${BASE}/requests`, TeleexpertiseRequestDetail, { method: 'POST', body: request });
}

export function fetchRequests(query: Partial<RequestListQuery> = {}) {
  const params = new URLSearchParams({ role: query.role ?? 'requester' });
  if (query.serviceId) params.set('serviceId', query.serviceId);
  if (query.status) params.set('status', query.status);
  return api(`${BASE}/requests?${params.toString()}`, TeleexpertiseRequestSummary.array());
}

export function fetchRequest(id: string) {
  return api(requestPath(id), TeleexpertiseRequestDetail);
}

/** Every transition answers the request as it now stands (summary, envelopes and timeline). */
function transition(id: string, action: string, body: unknown = {}) {
  return api(requestPath(id, `/${action}`), TeleexpertiseRequestDetail, { method: 'POST', body });
}

/** The assignee takes the request (received → accepted). */
export const acceptRequest = (id: string) => transition(id, 'accept');
/** The assignee starts writing (accepted → in-progress). */
export const startRequest = (id: string) => transition(id, 'start');
/** The assignee hands it back (→ next expert, never back to them). */
export const declineRequest = (id: string) => transition(id, 'decline');
/** The assignee asks the requester for more (→ on-hold, the clock pauses). */
export const askInformation = (id: string, request: NoteRequest) => transition(id, 'ask', request);
/** The requester answers the expert's question (on-hold → in-progress). */
export const provideInformation = (id: string, request: NoteRequest) => transition(id, 'provide', request);
/** The assignee answers, after submitting the answer letter through /api/mail/messages. */
export const answerRequest = (id: string, request: AnswerRequest) => transition(id, 'answer', request);
/** The requester withdraws the request. */
export const cancelRequest = (id: string) => transition(id, 'cancel');

// --- Billing -----------------------------------------------------------------------------------

/** The caller's completed requests of `month` (YYYY-MM) and the year's, for the CSV and its warning. */
export function fetchBilling(month: string) {
  return api(`${BASE}/billing?${new URLSearchParams({ month }).toString()}`, BillingData);
}
