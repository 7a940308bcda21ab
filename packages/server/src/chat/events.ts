import type { Tx } from '../db/index.ts';
import { publishAfterCommit, type EventBus } from '../events/index.ts';

/** A message was stored: the WebSocket adapter tells the members' sockets to sync. */
export const CHAT_MESSAGE = 'chat.message';
/** Members, name or roles changed: members (and whoever just left) refresh the conversation. */
export const CHAT_CONVERSATION = 'chat.conversation';

/** Someone's delivered or read mark moved forward: the members' sockets update their ticks. */
export const CHAT_RECEIPT = 'chat.receipt';

/** Plain JSON, so the NATS bus carries it between nodes unchanged. No content, only routing. */
export interface ChatBusEvent {
  conversationId: string;
  seq: number;
  memberIds: string[];
  /** Only on CHAT_RECEIPT: whose marks, and where they are now. */
  receipt?: { userId: string; deliveredSeq: number; readSeq: number };
}

/** After commit only: nobody is told about a message or a change that was rolled back. */
export function publishChat(tx: Tx, bus: EventBus, topic: string, event: ChatBusEvent): void {
  publishAfterCommit(tx, bus, topic, event);
}
