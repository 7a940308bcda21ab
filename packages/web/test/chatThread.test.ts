import type { ChatMember, ChatMessage, ChatSync, Conversation } from '@liaison/core/api/chat';
import { describe, expect, it } from 'vitest';
import {
  conversationTitle,
  cursorOf,
  EMPTY_THREAD,
  groupByDay,
  mergeMessages,
  newestFirst,
  newlyUnread,
  syncThread,
  tickFor,
  unreadTotal,
} from '../src/pages/chat/thread.ts';

const CONVERSATION = '7d0f5c9e-1c2b-4c3d-8e4f-5a6b7c8d9e0f';
const ME = '11111111-1111-4111-8111-111111111111';
const DOCTOR = '22222222-2222-4222-8222-222222222222';
const NURSE = '33333333-3333-4333-8333-333333333333';

function message(
  seq: number,
  sender = DOCTOR,
  sentAt = `2026-12-06T10:${String(seq).padStart(2, '0')}:00Z`,
): ChatMessage {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: CONVERSATION,
    seq,
    senderUserId: sender,
    kind: 'text',
    envelope: 'AAAA',
    photoBytes: null,
    sentAt,
  };
}

function member(userId: string, deliveredSeq: number, readSeq: number, displayName = userId): ChatMember {
  return { userId, displayName, role: 'member', deliveredSeq, readSeq };
}

function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION,
    kind: 'direct',
    name: null,
    members: [member(ME, 0, 0, 'Moi'), member(DOCTOR, 0, 0, 'Dr Claire Morvan')],
    lastSeq: 0,
    unread: 0,
    lastMessageAt: null,
    createdAt: '2026-12-01T08:00:00Z',
    ...over,
  };
}

describe('thread merging', () => {
  it('keeps seq order and each seq and id once, whatever order and overlap pages come in', () => {
    const merged = mergeMessages([message(1), message(3)], [message(3), message(2), message(4), message(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    // The same id arriving under another seq (cannot happen on a sane server) is not shown twice.
    const clash = { ...message(5), id: message(1).id };
    expect(mergeMessages(merged, [clash]).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('syncs after the last message held, page by page while the server says more', async () => {
    const all = [1, 2, 3, 4, 5].map((seq) => message(seq));
    const asked: number[] = [];
    const fetchPage = (after: number): Promise<ChatSync> => {
      asked.push(after);
      const rest = all.filter((m) => m.seq > after);
      return Promise.resolve({ messages: rest.slice(0, 2), lastSeq: 5, more: rest.length > 2 });
    };
    const first = await syncThread({ messages: [message(1)], lastSeq: 1 }, fetchPage);
    expect(asked).toEqual([1, 3]);
    expect(first.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(first.lastSeq).toBe(5);
    expect(cursorOf(first)).toBe(5);
    // A missed event changes nothing: the next sync asks after 5 and gets the rest exactly once.
    all.push(message(6));
    const second = await syncThread(first, fetchPage);
    expect(asked.at(-1)).toBe(5);
    expect(second.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stops on an empty page even if the server says more (no endless loop)', async () => {
    let calls = 0;
    const result = await syncThread(EMPTY_THREAD, () => {
      calls += 1;
      return Promise.resolve({ messages: [], lastSeq: 7, more: true });
    });
    expect(calls).toBe(1);
    expect(result).toEqual({ messages: [], lastSeq: 7 });
    expect(cursorOf(result)).toBe(0);
  });
});

describe('thread display', () => {
  it('groups consecutive messages by local day', () => {
    const items = [
      message(1, DOCTOR, '2026-12-05T09:00:00'),
      message(2, DOCTOR, '2026-12-05T18:00:00'),
      message(3, DOCTOR, '2026-12-06T07:30:00'),
    ];
    const groups = groupByDay(items, (m) => m.sentAt);
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ['2026-12-05', 2],
      ['2026-12-06', 1],
    ]);
  });

  it('ticks an own message sent, delivered once every other member has it, read once all read it', () => {
    const members = [member(ME, 9, 9), member(DOCTOR, 4, 2), member(NURSE, 5, 4)];
    expect(tickFor(5, ME, members)).toBe('sent');
    expect(tickFor(4, ME, members)).toBe('delivered');
    expect(tickFor(2, ME, members)).toBe('read');
    expect(tickFor(1, ME, [member(ME, 1, 1)])).toBe('sent');
  });

  it('names a direct conversation after the other person, a group by its name', () => {
    expect(conversationTitle(conversation(), ME, 'Vous seul')).toBe('Dr Claire Morvan');
    expect(conversationTitle(conversation({ kind: 'group', name: 'Équipe soins — Mme D.' }), ME, '-')).toBe(
      'Équipe soins — Mme D.',
    );
    expect(conversationTitle(conversation({ members: [member(ME, 0, 0)] }), ME, 'Vous seul')).toBe(
      'Vous seul',
    );
  });

  it('orders conversations by last activity and adds up unread counts', () => {
    const a = conversation({ id: 'a', lastMessageAt: '2026-12-06T10:00:00Z', unread: 2 });
    const b = conversation({ id: 'b', lastMessageAt: null, createdAt: '2026-12-06T11:00:00Z', unread: 0 });
    const c = conversation({ id: 'c', lastMessageAt: '2026-12-05T10:00:00Z', unread: 3 });
    expect(newestFirst([a, b, c]).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(unreadTotal([a, b, c])).toBe(5);
  });

  it('notifies only for conversations whose unread count grew, never on the first load', () => {
    const before = [conversation({ id: 'a', unread: 1 }), conversation({ id: 'b', unread: 0 })];
    const after = [
      conversation({ id: 'a', unread: 1 }),
      conversation({ id: 'b', unread: 2 }),
      conversation({ id: 'c', unread: 1 }),
    ];
    expect(newlyUnread(undefined, after)).toEqual([]);
    expect(newlyUnread(before, after).map((x) => x.id)).toEqual(['b', 'c']);
    expect(newlyUnread(after, before)).toEqual([]);
  });
});
