import {
  QuarantineItem,
  QuarantineList,
  SenderLimit,
  type QuarantineDecision,
  type QuarantineQuery,
  type SenderLimitRequest,
} from '@liaison/core/api/usage';
import type { HoldState } from '@liaison/core/api/mailHold';
import { api, apiNoContent } from './client.ts';

/**
 * Technicians' review of held messages and per-sender limits (charter article 5; contract in
 * packages/core/src/api/usage.ts). Metadata only: a held message's content is sealed for its
 * recipients, and nobody here could read it.
 */

export const quarantineKeys = {
  all: ['quarantine'] as const,
  lists: ['quarantine', 'list'] as const,
  list: (state: HoldState) => ['quarantine', 'list', state] as const,
  item: (id: string) => ['quarantine', 'item', id] as const,
  limits: ['quarantine', 'sender-limits'] as const,
  limit: (address: string) => ['quarantine', 'sender-limits', address] as const,
};

const held = (id: string) => `/api/admin/quarantine/${encodeURIComponent(id)}`;
const limit = (address: string) => `/api/admin/sender-limits/${encodeURIComponent(address)}`;

/** QuarantineQuery as the client sends it (the contract's input type allows any `limit`, to coerce it). */
export type QuarantineParams = Pick<QuarantineQuery, 'before'> & { state: HoldState; limit: number };

/** Newest first; `before` (the last item's `hold.heldAt`) pages back in time. */
export function fetchQuarantine(query: QuarantineParams) {
  const params = new URLSearchParams({ state: query.state, limit: String(query.limit) });
  if (query.before) params.set('before', query.before);
  return api(`/api/admin/quarantine?${params.toString()}`, QuarantineList);
}

export function fetchHeldMessage(id: string) {
  return api(held(id), QuarantineItem);
}

/*
 * Decisions and limit changes: the answer's body is not read (the lists are refetched afterwards), so a
 * 204 and an echoed resource both do.
 */

/** Delivers the message as if just sent; the note, if any, is shown to the sender. */
export function releaseHeldMessage(id: string, body: QuarantineDecision) {
  return apiNoContent(`${held(id)}/release`, { method: 'POST', body });
}

/** Never delivered; the reason is required (REJECT_REASON_REQUIRED): the sender reads it. */
export function rejectHeldMessage(id: string, reason: string) {
  const body: QuarantineDecision = { reason };
  return apiNoContent(`${held(id)}/reject`, { method: 'POST', body });
}

export function fetchSenderLimits() {
  return api('/api/admin/sender-limits', SenderLimit.array());
}

export function fetchSenderLimit(address: string) {
  return api(limit(address), SenderLimit);
}

export function saveSenderLimit(address: string, body: SenderLimitRequest) {
  return apiNoContent(limit(address), { method: 'PUT', body });
}

/** Back to the server defaults for this mailbox. */
export function removeSenderLimit(address: string) {
  return apiNoContent(limit(address), { method: 'DELETE' });
}
