import type { ChatMessage } from '@liaison/core/api/chat';
import { historyBundle, parseHistoryBundle, type ChatHistoryBundle } from '@liaison/core/chat/history';
import type { ChatPhotoCard } from '@liaison/core/chat/photo';
import { describe, expect, it } from 'vitest';
import type { OpenedChat } from '../src/pages/chat/crypto/envelopes.ts';
import { entriesToShare, HISTORY_SHARE_COUNT, quotedMessages } from '../src/pages/chat/history.ts';

const CONVERSATION = '7d0f5c9e-1c2b-4c3d-8e4f-5a6b7c8d9e0f';
const NURSE = '33333333-3333-4333-8333-333333333333';
const DOCTOR = '22222222-2222-4222-8222-222222222222';
const NAMES: Record<string, string> = { [NURSE]: 'Maëlle Guégan', [DOCTOR]: 'Paul Kerhervé' };
const nameOf = (userId: string) => NAMES[userId] ?? 'Ancien membre';

function message(seq: number, sender = DOCTOR, kind: ChatMessage['kind'] = 'text'): ChatMessage {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: CONVERSATION,
    seq,
    senderUserId: sender,
    kind,
    envelope: 'AAAA',
    photoBytes: kind === 'photo' ? 1000 : null,
    sentAt: `2026-12-06T10:${String(seq % 60).padStart(2, '0')}:00Z`,
  };
}

function card(caption: string): ChatPhotoCard {
  return {
    v: 1,
    caption,
    width: 1600,
    height: 1067,
    bytes: 1000,
    sha256: 'a'.repeat(64),
    thumbnail: { width: 320, height: 213, jpeg: 'AAAA' },
  };
}

const bundle: ChatHistoryBundle = {
  v: 1,
  messages: [{ seq: 1, senderName: 'Maëlle Guégan', sentAt: '2026-12-06T10:01:00Z', text: 'Bonjour' }],
};

describe('choosing the messages to re-share', () => {
  it('quotes texts and photo captions in seq order, with the senders’ names', () => {
    const opened = new Map<string, OpenedChat>([
      [message(2).id, { kind: 'photo', card: card('Plaie talon gauche J3') }],
      [message(3).id, { kind: 'text', text: 'Vu, belle évolution.' }],
      [message(4).id, { kind: 'photo', card: card('') }],
    ]);
    const entries = entriesToShare(
      [message(3), message(2, NURSE, 'photo'), message(4, NURSE, 'photo')],
      (id) => opened.get(id),
      nameOf,
    );
    expect(entries).toEqual([
      {
        seq: 2,
        senderName: 'Maëlle Guégan',
        sentAt: message(2).sentAt,
        text: '[photo] Plaie talon gauche J3',
      },
      { seq: 3, senderName: 'Paul Kerhervé', sentAt: message(3).sentAt, text: 'Vu, belle évolution.' },
      { seq: 4, senderName: 'Maëlle Guégan', sentAt: message(4).sentAt, text: '[photo]' },
    ]);
  });

  it('leaves out earlier bundles, unreadable messages and what this device has not opened', () => {
    const opened = new Map<string, OpenedChat>([
      [message(1).id, { kind: 'history', bundle }],
      [message(2).id, { kind: 'unreadable', error: new Error('no key') }],
      [message(4).id, { kind: 'text', text: 'Seul lisible' }],
    ]);
    const entries = entriesToShare(
      [message(1, NURSE, 'history'), message(2), message(3), message(4)],
      (id) => opened.get(id),
      nameOf,
    );
    expect(entries.map((e) => e.text)).toEqual(['Seul lisible']);
  });

  it('keeps only the most recent ones', () => {
    const all = Array.from({ length: 30 }, (_, i) => message(i + 1));
    const entries = entriesToShare(all, (id) => ({ kind: 'text', text: `texte ${id.slice(-2)}` }), nameOf);
    expect(entries).toHaveLength(HISTORY_SHARE_COUNT);
    expect(entries[0]?.seq).toBe(11);
    expect(entries.at(-1)?.seq).toBe(30);
  });

  it('names a sender who has left as the caller says', () => {
    const gone = '44444444-4444-4444-8444-444444444444';
    const entries = entriesToShare([message(1, gone)], () => ({ kind: 'text', text: 'Au revoir' }), nameOf);
    expect(entries[0]?.senderName).toBe('Ancien membre');
  });

  it('builds a bundle that the receiving side parses back (nothing to share: no bundle)', () => {
    const entries = entriesToShare([message(1)], () => ({ kind: 'text', text: 'Pansement refait' }), nameOf);
    const bytes = historyBundle(entries);
    expect(bytes).not.toBeNull();
    expect(parseHistoryBundle(bytes!).messages).toEqual(entries);
    expect(historyBundle(entriesToShare([message(1)], () => undefined, nameOf))).toBeNull();
  });
});

describe('showing a received bundle', () => {
  it('lists the entries oldest first with unique keys', () => {
    const quoted = quotedMessages({
      v: 1,
      messages: [
        { seq: 5, senderName: 'Paul Kerhervé', sentAt: '2026-12-06T10:05:00Z', text: 'Réponse' },
        { seq: 2, senderName: 'Maëlle Guégan', sentAt: '2026-12-06T10:02:00Z', text: '[photo] Plaie' },
        { seq: 5, senderName: 'Paul Kerhervé', sentAt: '2026-12-06T10:05:00Z', text: 'Doublon' },
      ],
    });
    expect(quoted.map((q) => q.text)).toEqual(['[photo] Plaie', 'Réponse', 'Doublon']);
    expect(new Set(quoted.map((q) => q.key)).size).toBe(3);
    expect(quoted[0]).toMatchObject({ senderName: 'Maëlle Guégan', sentAt: '2026-12-06T10:02:00Z' });
  });
});
