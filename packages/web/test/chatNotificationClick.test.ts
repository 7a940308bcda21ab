import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

/**
 * The service worker's `notificationclick` (public/sw.js), run in a bare context standing in for the
 * worker's global scope: the click must bring the app forward on the conversation it names.
 */

const ORIGIN = 'https://liaison.example';

interface FakeWindow {
  url: string;
  focused: boolean;
  focus: () => Promise<FakeWindow>;
  navigate: (url: string) => Promise<FakeWindow>;
}

function fakeWindow(url: string): FakeWindow {
  const window: FakeWindow = {
    url,
    focused: false,
    focus: () => {
      window.focused = true;
      return Promise.resolve(window);
    },
    navigate: (next) => {
      window.url = next;
      return Promise.resolve(window);
    },
  };
  return window;
}

async function click(windows: FakeWindow[], data: unknown) {
  const source = await readFile(new URL('../public/sw.js', import.meta.url), 'utf8');
  const handlers = new Map<string, (event: unknown) => void>();
  const opened: string[] = [];
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, handler: (event: unknown) => void) => handlers.set(type, handler),
    clients: {
      matchAll: () => Promise.resolve(windows),
      openWindow: (url: string) => {
        opened.push(url);
        return Promise.resolve(null);
      },
    },
  };
  runInNewContext(source, { self, URL });
  let closed = false;
  let done: Promise<unknown> = Promise.resolve();
  handlers.get('notificationclick')?.({
    notification: { data, close: () => (closed = true) },
    waitUntil: (promise: Promise<unknown>) => (done = promise),
  });
  await done;
  return { closed, opened };
}

describe('clicking a chat notification in the installed app', () => {
  it('focuses the open window and takes it to the conversation', async () => {
    const window = fakeWindow(`${ORIGIN}/mail`);
    const result = await click([window], { url: '/chat/7d0f5c9e-1c2b-4c3d-8e4f-5a6b7c8d9e0f' });
    expect(result.closed).toBe(true);
    expect(window.focused).toBe(true);
    expect(window.url).toBe(`${ORIGIN}/chat/7d0f5c9e-1c2b-4c3d-8e4f-5a6b7c8d9e0f`);
    expect(result.opened).toEqual([]);
  });

  it('opens the app on the conversation when no window is open', async () => {
    const result = await click([], { url: '/chat/abc' });
    expect(result.opened).toEqual([`${ORIGIN}/chat/abc`]);
  });

  it('never follows a URL of another site, and opens the app without one', async () => {
    expect((await click([], { url: 'https://evil.example/phish' })).opened).toEqual([`${ORIGIN}/`]);
    expect((await click([], undefined)).opened).toEqual([`${ORIGIN}/`]);
  });
});
