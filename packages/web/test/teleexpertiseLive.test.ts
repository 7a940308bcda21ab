import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { chatKeys } from '../src/api/chat.ts';
import { teleexpertiseKeys } from '../src/api/teleexpertise.ts';
import { readLiveMessage, refetchFor } from '../src/lib/liveMail.ts';

const R = '4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('tele-expertise hints on the live socket', () => {
  it('reads a teleexpertise event and ignores one without a request id', () => {
    const event = { type: 'teleexpertise', requestId: R, serviceId: R, status: 'accepted', kind: 'accepted' };
    expect(readLiveMessage(JSON.stringify(event))).toEqual({ type: 'teleexpertise', requestId: R });
    expect(readLiveMessage(JSON.stringify({ type: 'teleexpertise' }))).toBeNull();
  });

  it('makes the requests, the queue and the open request stale, and leaves chat alone', () => {
    const client = new QueryClient();
    for (const key of [
      teleexpertiseKeys.request(R),
      teleexpertiseKeys.requests({ role: 'expert' }),
      teleexpertiseKeys.plain('u'),
      chatKeys.conversations,
    ]) {
      client.setQueryData(key, {});
    }
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;
    refetchFor(client, { type: 'teleexpertise', requestId: R });
    expect(stale(teleexpertiseKeys.request(R))).toBe(true);
    expect(stale(teleexpertiseKeys.requests({ role: 'expert' }))).toBe(true);
    // Decrypted content does not change when the status does: it is not fetched again.
    expect(stale(teleexpertiseKeys.plain('u'))).toBe(false);
    expect(stale(chatKeys.conversations)).toBe(false);
  });
});
