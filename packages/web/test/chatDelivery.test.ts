import type { ChatMember, Conversation } from '@liaison/core/api/chat';
import { describe, expect, it } from 'vitest';
import { toDeliver } from '../src/pages/chat/useBackgroundDelivery.ts';

const ME = '11111111-1111-4111-8111-111111111111';
const DOCTOR = '22222222-2222-4222-8222-222222222222';

function member(userId: string, deliveredSeq: number): ChatMember {
  return { userId, displayName: userId, role: 'member', deliveredSeq, readSeq: 0 };
}

function conversation(id: string, lastSeq: number, myDelivered: number): Conversation {
  return {
    id,
    kind: 'direct',
    name: null,
    members: [member(ME, myDelivered), member(DOCTOR, lastSeq)],
    lastSeq,
    unread: 0,
    lastMessageAt: null,
    createdAt: '2026-12-01T08:00:00Z',
  };
}

describe('delivered marks for the conversations that are not open', () => {
  const list = [conversation('a', 5, 5), conversation('b', 7, 3), conversation('c', 2, 0)];

  it('syncs only what has messages after this person’s delivered mark', () => {
    expect(toDeliver(list, ME, new Map(), () => false)).toEqual([
      { conversationId: 'b', lastSeq: 7, deliveredSeq: 3 },
      { conversationId: 'c', lastSeq: 2, deliveredSeq: 0 },
    ]);
  });

  it('leaves the open thread to its own receipts, and tries each new last seq once', () => {
    expect(toDeliver(list, ME, new Map([['c', 2]]), (id) => id === 'b')).toEqual([]);
    expect(toDeliver(list, ME, new Map([['b', 6]]), () => false).map((d) => d.conversationId)).toEqual([
      'b',
      'c',
    ]);
  });

  it('skips a conversation this person is no longer a member of', () => {
    expect(toDeliver([conversation('b', 7, 3)], 'someone-else', new Map(), () => false)).toEqual([]);
  });
});
