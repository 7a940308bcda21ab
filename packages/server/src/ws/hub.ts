import type { WebSocket } from 'ws';
import type { EventBus } from '../events/index.ts';
import { MAIL_CHANGED, type MailChangedEvent } from '../mail/events.ts';

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
  private readonly unsubscribe: () => void;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe(MAIL_CHANGED, (payload) => {
      const change = payload as MailChangedEvent;
      this.send(change.mailboxId, JSON.stringify(change.event));
    });
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

  close(): void {
    this.unsubscribe();
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    this.clients.clear();
  }
}
