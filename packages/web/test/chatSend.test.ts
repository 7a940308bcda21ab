import type { ChatMember, ChatMessage, SendChatMessageRequest } from '@liaison/core/api/chat';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { deliver, DeliveryFailure, type DeliverDeps } from '../src/pages/chat/deliver.ts';

const ID = '44444444-4444-4444-8444-444444444444';
const NURSE: ChatMember = {
  userId: 'n',
  displayName: 'Infirmière',
  role: 'admin',
  deliveredSeq: 0,
  readSeq: 0,
};
const DOCTOR: ChatMember = {
  userId: 'd',
  displayName: 'Médecin',
  role: 'member',
  deliveredSeq: 0,
  readSeq: 0,
};

const stored: ChatMessage = {
  id: ID,
  conversationId: 'c',
  seq: 7,
  senderUserId: 'n',
  kind: 'text',
  envelope: 'AAAA',
  photoBytes: null,
  sentAt: '2026-12-06T10:00:00Z',
};

/** A fake server: answers from a script, records what was posted and how members were sealed for. */
function harness(answers: (Error | ChatMessage)[], memberLists: ChatMember[][] = [[NURSE, DOCTOR]]) {
  const posted: SendChatMessageRequest[] = [];
  const sealedFor: string[][] = [];
  const waits: number[] = [];
  let sealCount = 0;
  let memberCalls = 0;
  const deps: DeliverDeps = {
    members: () => Promise.resolve(memberLists[Math.min(memberCalls++, memberLists.length - 1)]!),
    seal: (members) => {
      sealCount += 1;
      sealedFor.push(members.map((m) => m.userId));
      return Promise.resolve({ id: ID, kind: 'text', envelope: `ENVELOPE${sealCount}` });
    },
    post: (request) => {
      posted.push(request);
      const answer = answers.shift() ?? new Error('no scripted answer');
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    wait: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
  return { deps, posted, sealedFor, waits };
}

const network = () => new ApiError(0, 'NETWORK_ERROR', 'network error');

describe('chat delivery', () => {
  it('retries a lost connection with the same id and the same envelope', async () => {
    const h = harness([network(), new ApiError(502, 'HTTP_502', 'bad gateway'), stored]);
    await expect(deliver(h.deps)).resolves.toEqual(stored);
    expect(h.posted.map((p) => [p.id, p.envelope])).toEqual([
      [ID, 'ENVELOPE1'],
      [ID, 'ENVELOPE1'],
      [ID, 'ENVELOPE1'],
    ]);
    expect(h.waits).toEqual([1000, 2000]);
  });

  it('gives up after three attempts and hands back the sealed request for a later retry', async () => {
    const h = harness([network(), network(), network()]);
    const failure = await deliver(h.deps).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect((failure as DeliveryFailure).request?.envelope).toBe('ENVELOPE1');
    // The person's retry sends those very bytes, without sealing again.
    const again = harness([stored]);
    await deliver(again.deps, (failure as DeliveryFailure).request);
    expect(again.sealedFor).toEqual([]);
    expect(again.posted[0]?.envelope).toBe('ENVELOPE1');
  });

  it('re-encrypts once for the current members on CHAT_RECIPIENTS_MISMATCH, under the same id', async () => {
    const mismatch = () => new ApiError(400, 'CHAT_RECIPIENTS_MISMATCH', 'recipients');
    const h = harness([mismatch(), stored], [[NURSE], [NURSE, DOCTOR]]);
    await expect(deliver(h.deps)).resolves.toEqual(stored);
    expect(h.sealedFor).toEqual([['n'], ['n', 'd']]);
    expect(h.posted.map((p) => p.id)).toEqual([ID, ID]);

    const twice = harness([mismatch(), mismatch()]);
    const failure = await deliver(twice.deps).catch((error: unknown) => error);
    expect((failure as DeliveryFailure).reason).toMatchObject({ code: 'CHAT_RECIPIENTS_MISMATCH' });
    expect(twice.posted).toHaveLength(2);
  });

  it('does not retry a refusal', async () => {
    const h = harness([new ApiError(429, 'CHAT_RATE_LIMITED', 'slow down')]);
    const failure = await deliver(h.deps).catch((error: unknown) => error);
    expect((failure as DeliveryFailure).reason).toMatchObject({ code: 'CHAT_RATE_LIMITED' });
    expect(h.posted).toHaveLength(1);
  });
});
