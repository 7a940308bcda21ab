import { describe, expect, it } from 'vitest';
import { MAX_CHAT_TEXT_ENVELOPE_BYTES } from '../../src/api/chat.ts';
import { ChatHistoryError, historyBundle, parseHistoryBundle } from '../../src/chat/history.ts';

const entry = (seq: number, text = `message ${seq}`) => ({
  seq,
  senderName: 'Inès Infirmière',
  sentAt: `2026-12-06T10:${String(seq % 60).padStart(2, '0')}:00.000Z`,
  text,
});

describe('re-shared history', () => {
  it('keeps the entries in order and round-trips', () => {
    const bytes = historyBundle([entry(3), entry(1), entry(2)]);
    expect(parseHistoryBundle(bytes!).messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(historyBundle([])).toBeNull();
  });

  it('drops the oldest entries first so the bundle fits one message', () => {
    const long = 'x'.repeat(6000);
    const entries = Array.from({ length: 30 }, (_, i) => entry(i + 1, long));
    const bytes = historyBundle(entries)!;
    expect(bytes.length).toBeLessThan(MAX_CHAT_TEXT_ENVELOPE_BYTES);
    const kept = parseHistoryBundle(bytes).messages.map((m) => m.seq);
    expect(kept.at(-1)).toBe(30);
    expect(kept.length).toBeLessThan(30);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 31 - kept.length + i));
  });

  it('refuses what is not a bundle', () => {
    for (const text of ['plain', '{"v":1,"messages":[]}', '{"v":2,"messages":[{"seq":1}]}']) {
      expect(() => parseHistoryBundle(new TextEncoder().encode(text))).toThrow(ChatHistoryError);
    }
  });
});
