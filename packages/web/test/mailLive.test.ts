import { describe, expect, it } from 'vitest';
import { readLiveMessage, reconnectDelay } from '../src/lib/liveMail.ts';
import { sameSerial } from '../src/mailCrypto/keys.ts';

describe('live mail messages', () => {
  it('reads hello and mail events, and ignores anything else', () => {
    expect(
      readLiveMessage(
        JSON.stringify({ type: 'hello', mailboxes: [{ address: 'a@x.test', seq: 4 }, { seq: 1 }] }),
      ),
    ).toEqual({ type: 'hello', mailboxes: [{ address: 'a@x.test', seq: 4 }] });
    expect(readLiveMessage('{"type":"mail","mailbox":"a@x.test","seq":5}')).toEqual({
      type: 'mail',
      mailbox: 'a@x.test',
      seq: 5,
    });
    expect(readLiveMessage('{"type":"chat","conversation":"c"}')).toBeNull();
    expect(readLiveMessage('{"type":"mail","mailbox":3}')).toBeNull();
    expect(readLiveMessage('not json')).toBeNull();
    expect(readLiveMessage(new ArrayBuffer(2))).toBeNull();
  });

  it('backs off from 1 s to at most 30 s, spread between half and all of each step', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1000);
    expect(reconnectDelay(3, () => 1)).toBe(8000);
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe('certificate serials', () => {
  it('compare the way the server normalises them', () => {
    expect(sameSerial('00AB:CD', 'abcd')).toBe(true);
    expect(sameSerial('0abc', 'abc')).toBe(false);
  });
});
