import type { ChatMember, ChatMessage, ChatSync, Conversation } from '@liaison/core/api/chat';

/**
 * Pure thread bookkeeping (no React, no crypto), unit-tested in test/chatThread.test.ts: how synced
 * pages merge, where the cursor stands, how messages group by day and which tick an own message shows.
 */

/** What this tab holds of one conversation: its messages in seq order, and the server's last seq. */
export interface ThreadState {
  messages: ChatMessage[];
  lastSeq: number;
}

export const EMPTY_THREAD: ThreadState = { messages: [], lastSeq: 0 };

/**
 * Held and incoming messages as one list in seq order, each seq and each id once. A page that
 * overlaps what is held (a sync raced with another) adds nothing twice; the held copy wins, since an
 * envelope never changes.
 */
export function mergeMessages(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  const ids = new Set<string>();
  for (const message of [...held, ...incoming]) {
    if (bySeq.has(message.seq) || ids.has(message.id)) continue;
    bySeq.set(message.seq, message);
    ids.add(message.id);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The seq to sync after: the last message held (a newcomer's first sync starts at 0). */
export function cursorOf(thread: ThreadState): number {
  return thread.messages.at(-1)?.seq ?? 0;
}

export type FetchPage = (after: number) => Promise<ChatSync>;

/**
 * Brings a thread up to date: pages after the cursor until the server says there is no more. Events
 * are only hints, so this is what makes a missed one harmless: every message arrives exactly once.
 */
export async function syncThread(held: ThreadState, fetchPage: FetchPage): Promise<ThreadState> {
  let messages = held.messages;
  let cursor = cursorOf(held);
  let lastSeq = held.lastSeq;
  for (;;) {
    const page = await fetchPage(cursor);
    messages = mergeMessages(messages, page.messages);
    lastSeq = Math.max(lastSeq, page.lastSeq);
    const last = page.messages.at(-1);
    // `more` with an empty page cannot move the cursor: stop rather than loop forever.
    if (!page.more || !last) return { messages, lastSeq };
    cursor = last.seq;
  }
}

/** A local calendar day, `YYYY-MM-DD`, for grouping (the person reads times in their own zone). */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface DayGroup<T> {
  day: string;
  items: T[];
}

/** Consecutive items of the same local day together, in the order given. */
export function groupByDay<T>(items: readonly T[], sentAt: (item: T) => string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = localDay(sentAt(item));
    const current = groups.at(-1);
    if (current && current.day === day) current.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** What an own message shows: sent to the server, on every other member's device, read by all. */
export type Tick = 'sent' | 'delivered' | 'read';

export function tickFor(seq: number, senderUserId: string, members: readonly ChatMember[]): Tick {
  const others = members.filter((m) => m.userId !== senderUserId);
  if (others.length === 0) return 'sent';
  if (others.every((m) => m.readSeq >= seq)) return 'read';
  if (others.every((m) => m.deliveredSeq >= seq)) return 'delivered';
  return 'sent';
}

/** A group's name, or the other person's name for a direct conversation. */
export function conversationTitle(conversation: Conversation, myUserId: string, alone: string): string {
  if (conversation.name !== null) return conversation.name;
  const others = conversation.members.filter((m) => m.userId !== myUserId).map((m) => m.displayName);
  return others.join(', ') || alone;
}

export function unreadTotal(conversations: readonly Conversation[]): number {
  return conversations.reduce((sum, c) => sum + c.unread, 0);
}

/** Newest activity first (a conversation without messages counts from its creation). */
export function newestFirst(conversations: readonly Conversation[]): Conversation[] {
  const at = (c: Conversation) => c.lastMessageAt ?? c.createdAt;
  return [...conversations].sort((a, b) => at(b).localeCompare(at(a)));
}

export function memberName(conversation: Conversation | undefined, userId: string): string | null {
  return conversation?.members.find((m) => m.userId === userId)?.displayName ?? null;
}

export function isAdmin(conversation: Conversation, userId: string): boolean {
  return conversation.members.some((m) => m.userId === userId && m.role === 'admin');
}

/**
 * Conversations whose unread count grew since the previous list: what a desktop notification is
 * about (unread counts only messages from others, so one's own sends never notify).
 */
export function newlyUnread(
  previous: readonly Conversation[] | undefined,
  current: readonly Conversation[],
): Conversation[] {
  if (!previous) return [];
  const before = new Map(previous.map((c) => [c.id, c.unread]));
  return current.filter((c) => c.unread > (before.get(c.id) ?? 0));
}
