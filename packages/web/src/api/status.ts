import {
  PublicStatus,
  StatusAlertDelivery,
  StatusEvent,
  StatusEventPosted,
  type AddStatusUpdateRequest,
  type CreateStatusEventRequest,
} from '@liaison/core/api/status';
import { api } from './client.ts';

/**
 * Service status (issue 7; contract in packages/core/src/api/status.ts): the public page and feed,
 * and what technicians post (incidents, maintenance, updates) with the alert emails it queues.
 */

export const statusKeys = {
  public: ['status', 'public'] as const,
  events: ['status', 'admin', 'events'] as const,
  alerts: ['status', 'admin', 'alerts'] as const,
};

/** Public: anyone may subscribe to it without an account. */
export const STATUS_FEED_URL = '/api/status.atom';

/** Public, no session needed: a visitor reads it when they cannot sign in. */
export function fetchPublicStatus() {
  return api('/api/status', PublicStatus);
}

export function fetchStatusEvents() {
  return api('/api/admin/status/events', StatusEvent.array());
}

export function createStatusEvent(body: CreateStatusEventRequest) {
  return api('/api/admin/status/events', StatusEventPosted, { method: 'POST', body });
}

export function addStatusUpdate(id: string, body: AddStatusUpdateRequest) {
  return api(`/api/admin/status/events/${encodeURIComponent(id)}/updates`, StatusEventPosted, {
    method: 'POST',
    body,
  });
}

export function fetchStatusAlerts() {
  return api('/api/admin/status/alerts', StatusAlertDelivery);
}
