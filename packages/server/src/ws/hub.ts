import type { WebSocket } from 'ws';
import type { EventBus } from '../events/index.ts';
import { CHAT_CONVERSATION, CHAT_MESSAGE, CHAT_RECEIPT, type ChatBusEvent } from '../chat/events.ts';
import { MAIL_CHANGED, type MailChangedEvent } from '../mail/events.ts';
import { TELEEXPERTISE_REQUEST, type TeleexpertiseBusEvent } from '../teleexpertise/events.ts';

interface Client {
  socket: WebSocket;
  userId: string;
  mailboxIds: Set<string>;
}

/**
 * The connected clients of this node, by mailbox. One bus subscription per node fans each "mailbox
 * changed" event out to the sockets of that mailbox's members; with the NATS bus, an event published
 * on another node arrives here the same way. Events are hints: a client that misses one still syncs
 * from its last sequence number when it reconnects.
 */
export class ClientHub {
  private readonly clients = new Set<Client>();
  private readonly unsubscribes: Array<() => void>;

  constructor(bus: EventBus) {
    this.unsubscribes = [
      bus.subscribe(MAIL_CHANGED, (payload) => {
        const change = payload as MailChangedEvent;
        this.send(change.mailboxId, JSON.stringify(change.event));
      }),
      // Chat events name their members: the sockets of those users are told, wherever they are.
      bus.subscribe(CHAT_MESSAGE, (payload) => this.sendChat(payload as ChatBusEvent, 'chat')),
      bus.subscribe(CHAT_CONVERSATION, (payload) =>
        this.sendChat(payload as ChatBusEvent, 'chat.conversation'),
      ),
      bus.subscribe(CHAT_RECEIPT, (payload) => this.sendChat(payload as ChatBusEvent, 'chat.receipt')),
      // Tele-expertise events name the requester, the assignee and the service's experts.
      bus.subscribe(TELEEXPERTISE_REQUEST, (payload) => {
        const change = payload as TeleexpertiseBusEvent;
        if (Array.isArray(change.userIds)) this.sendToUsers(change.userIds, JSON.stringify(change.event));
      }),
    ];
  }

  add(socket: WebSocket, userId: string, mailboxIds: Iterable<string>): Client {
    const client: Client = { socket, userId, mailboxIds: new Set(mailboxIds) };
    this.clients.add(client);
    socket.on('close', () => this.clients.delete(client));
    return client;
  }

  /** Memberships change (a new delegate): the socket follows the current list. */
  follow(client: Client, mailboxIds: Iterable<string>): void {
    client.mailboxIds = new Set(mailboxIds);
  }

  get size(): number {
    return this.clients.size;
  }

  private send(mailboxId: string, text: string): void {
    for (const client of this.clients) {
      if (client.mailboxIds.has(mailboxId) && client.socket.readyState === client.socket.OPEN) {
        client.socket.send(text);
      }
    }
  }

  /** Routing only (conversation, number, receipt marks): the client syncs to read what changed. */
  private sendChat(event: ChatBusEvent, type: 'chat' | 'chat.conversation' | 'chat.receipt'): void {
    if (!Array.isArray(event.memberIds)) return; // a malformed event from another node changes nothing
    const text = JSON.stringify(
      type === 'chat.receipt'
        ? { type, conversationId: event.conversationId, ...event.receipt }
        : { type, conversationId: event.conversationId, seq: event.seq },
    );
    this.sendToUsers(event.memberIds, text);
  }

  private sendToUsers(userIds: readonly string[], text: string): void {
    const users = new Set(userIds);
    for (const client of this.clients) {
      if (users.has(client.userId) && client.socket.readyState === client.socket.OPEN) {
        client.socket.send(text);
      }
    }
  }

  close(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    this.clients.clear();
  }
}
