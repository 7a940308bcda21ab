import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { chatKeys } from '../api/chat.ts';
import { queryKeys } from '../api/keys.ts';
import { mailKeys } from '../api/mail.ts';
import { refetchTeleexpertise } from '../api/teleexpertise.ts';
import { noticeKeys } from '../pages/chat/notices/keys.ts';

/**
 * Live mail and chat: the server's WebSocket (`GET /api/ws`, same-origin session cookie) says "mailbox
 * X changed" or "conversation Y has message n" after each commit, and this refetches what shows it:
 * lists, counts, statuses, the open thread (which syncs after its last seq). Events are hints, not the
 * record: on every (re)connection the server says hello and everything is refetched, so a change
 * missed while disconnected shows up anyway.
 */

export type LiveMessage =
  | { type: 'hello'; mailboxes: { address: string; seq: number }[] }
  | { type: 'mail'; mailbox: string; seq: number }
  | { type: 'chat' | 'chat.conversation'; conversationId: string; seq: number }
  | { type: 'chat.receipt'; conversationId: string; userId: string; deliveredSeq: number; readSeq: number }
  | { type: 'teleexpertise'; requestId: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A server message, or null for anything else (a newer server's message types are ignored). */
export function readLiveMessage(data: unknown): LiveMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  if (json.type === 'mail' && typeof json.mailbox === 'string' && typeof json.seq === 'number') {
    return { type: 'mail', mailbox: json.mailbox, seq: json.seq };
  }
  if (
    (json.type === 'chat' || json.type === 'chat.conversation') &&
    typeof json.conversationId === 'string' &&
    typeof json.seq === 'number'
  ) {
    return { type: json.type, conversationId: json.conversationId, seq: json.seq };
  }
  if (
    json.type === 'chat.receipt' &&
    typeof json.conversationId === 'string' &&
    typeof json.userId === 'string' &&
    typeof json.deliveredSeq === 'number' &&
    typeof json.readSeq === 'number'
  ) {
    const { conversationId, userId, deliveredSeq, readSeq } = json;
    return { type: 'chat.receipt', conversationId, userId, deliveredSeq, readSeq };
  }
  if (json.type === 'teleexpertise' && typeof json.requestId === 'string') {
    return { type: 'teleexpertise', requestId: json.requestId };
  }
  if (json.type === 'hello' && Array.isArray(json.mailboxes)) {
    const mailboxes = json.mailboxes.flatMap((entry) =>
      isRecord(entry) && typeof entry.address === 'string' && typeof entry.seq === 'number'
        ? [{ address: entry.address, seq: entry.seq }]
        : [],
    );
    return { type: 'hello', mailboxes };
  }
  return null;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * Wait before reconnection `attempt` (0-based): doubling from 1 s up to 30 s, each drawn between half
 * and all of it, so the clients of a restarted server do not all knock at the same instant.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The server closes with this code when the session behind the socket has ended. */
const SESSION_ENDED = 4401;

function socketUrl(): string {
  const url = new URL('/api/ws', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** What each event makes stale; only the queries on screen refetch at once, the others when next shown. */
export function refetchFor(queryClient: QueryClient, message: LiveMessage): void {
  const refetch = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (message.type) {
    case 'hello':
      refetch(mailKeys.all);
      refetch(noticeKeys.all);
      refetch(chatKeys.all);
      refetchTeleexpertise(queryClient);
      return;
    case 'mail':
      refetch(mailKeys.box(message.mailbox));
      // A patient movement notice is a letter: the chat page's notice threads change with the mailbox.
      refetch(noticeKeys.all);
      return;
    case 'chat':
      refetch(chatKeys.thread(message.conversationId));
      refetch(chatKeys.conversations);
      return;
    case 'chat.conversation':
      // Members, roles or the name changed (or this person left): the thread's member list with them.
      refetch(chatKeys.conversation(message.conversationId));
      refetch(chatKeys.conversations);
      return;
    case 'chat.receipt':
      // Ticks come from the members' receipts, carried by the conversation.
      refetch(chatKeys.conversation(message.conversationId));
      refetch(chatKeys.conversations);
      return;
    case 'teleexpertise':
      // A request moved (assigned, accepted, answered…): its lists, its page and the queue.
      refetchTeleexpertise(queryClient);
      return;
  }
}

/** Keeps one socket open while `enabled` (a signed-in person with a mailbox), reconnecting with backoff. */
export function useLiveMail(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof WebSocket === 'undefined') return;
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      timer = undefined;
      const current = new WebSocket(socketUrl());
      socket = current;
      current.onopen = () => {
        attempt = 0;
      };
      current.onmessage = (event: MessageEvent) => {
        const message = readLiveMessage(event.data);
        if (message) refetchFor(queryClient, message);
      };
      current.onclose = (event: CloseEvent) => {
        if (socket === current) socket = null;
        if (stopped) return;
        // Signed out elsewhere or expired: asking who we are sends the app back to the login page.
        if (event.code === SESSION_ENDED) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
        timer = setTimeout(connect, reconnectDelay(attempt));
        attempt += 1;
      };
    };

    // Back on the network: no reason to sit out the rest of a long backoff.
    const online = () => {
      if (socket !== null || timer === undefined) return;
      clearTimeout(timer);
      attempt = 0;
      connect();
    };

    window.addEventListener('online', online);
    connect();
    return () => {
      stopped = true;
      window.removeEventListener('online', online);
      if (timer !== undefined) clearTimeout(timer);
      socket?.close(1000);
    };
  }, [enabled, queryClient]);
}
