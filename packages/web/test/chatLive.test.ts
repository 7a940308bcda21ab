import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { chatKeys } from '../src/api/chat.ts';
import { mailKeys } from '../src/api/mail.ts';
import { readLiveMessage, refetchFor } from '../src/lib/liveMail.ts';

const C = '7d0f5c9e-1c2b-4c3d-8e4f-5a6b7c8d9e0f';

describe('live chat events', () => {
  it('reads chat, chat.conversation and chat.receipt events', () => {
    expect(readLiveMessage(JSON.stringify({ type: 'chat', conversationId: C, seq: 3 }))).toEqual({
      type: 'chat',
      conversationId: C,
      seq: 3,
    });
    expect(readLiveMessage(JSON.stringify({ type: 'chat.conversation', conversationId: C, seq: 4 }))).toEqual(
      {
        type: 'chat.conversation',
        conversationId: C,
        seq: 4,
      },
    );
    const receipt = { type: 'chat.receipt', conversationId: C, userId: 'u', deliveredSeq: 4, readSeq: 2 };
    expect(readLiveMessage(JSON.stringify(receipt))).toEqual(receipt);
    expect(readLiveMessage(JSON.stringify({ type: 'chat', conversationId: C }))).toBeNull();
    expect(
      readLiveMessage(JSON.stringify({ type: 'chat.receipt', conversationId: C, userId: 'u' })),
    ).toBeNull();
  });

  it('makes stale what each event changes, and leaves the rest alone', () => {
    const client = new QueryClient();
    const other = '00000000-0000-4000-8000-000000000000';
    for (const key of [
      chatKeys.thread(C),
      chatKeys.thread(other),
      chatKeys.conversations,
      chatKeys.conversation(C),
      mailKeys.box('a@x.test'),
    ]) {
      client.setQueryData(key, {});
    }
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

    refetchFor(client, { type: 'chat', conversationId: C, seq: 5 });
    expect(stale(chatKeys.thread(C))).toBe(true);
    expect(stale(chatKeys.conversations)).toBe(true);
    expect(stale(chatKeys.thread(other))).toBe(false);
    expect(stale(mailKeys.box('a@x.test'))).toBe(false);

    refetchFor(client, { type: 'chat.receipt', conversationId: C, userId: 'u', deliveredSeq: 5, readSeq: 5 });
    expect(stale(chatKeys.conversation(C))).toBe(true);

    refetchFor(client, { type: 'hello', mailboxes: [] });
    expect(stale(chatKeys.thread(other))).toBe(true);
    expect(stale(mailKeys.box('a@x.test'))).toBe(true);
  });
});
