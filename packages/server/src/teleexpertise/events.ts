import type { TeleexpertiseEvent } from '@liaison/core/api/teleexpertise';
import type { Tx } from '../db/index.ts';
import { publishAfterCommit, type EventBus } from '../events/index.ts';

/** A request changed: the WebSocket layer tells the named users' sockets to refetch it. */
export const TELEEXPERTISE_REQUEST = 'teleexpertise.request';

/** Plain JSON, so the NATS bus carries it between nodes unchanged. Routing only, no content. */
export interface TeleexpertiseBusEvent {
  /** Requester, assignee and the service's experts. */
  userIds: string[];
  event: TeleexpertiseEvent;
}

/** After commit only: nobody is told about a transition that was rolled back. */
export function publishTeleexpertise(tx: Tx, bus: EventBus, payload: TeleexpertiseBusEvent): void {
  publishAfterCommit(tx, bus, TELEEXPERTISE_REQUEST, payload);
}
