import type { AcceptCharterRequest } from '@liaison/core/api/charter';
import { apiNoContent } from './client.ts';

export { fetchCharter } from './accounts.ts';

/**
 * Records that the signed-in person accepted this version (CHARTER_VERSION_STALE when a newer one was
 * published meanwhile). The server answers 204 or the updated Me: either way the caller refetches the
 * session, so the body is not read.
 */
export function acceptCharter(version: number) {
  const body: AcceptCharterRequest = { version };
  return apiNoContent('/api/charter/accept', { method: 'POST', body });
}
