import WebSocket from 'ws';

/**
 * A bearer-authenticated WebSocket to a test instance: the JSON frames it received, when it opened and
 * closed, and a way to wait for one frame.
 */
export function listen(url: string, token: string) {
  const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
  const seen: unknown[] = [];
  socket.on('message', (data: Buffer) => seen.push(JSON.parse(data.toString('utf8'))));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  return {
    socket,
    seen,
    closed,
    opened: new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    async waitFor(match: (m: unknown) => boolean, timeoutMs = 5000): Promise<unknown> {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const found = seen.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no such frame; seen: ${JSON.stringify(seen)}`);
    },
  };
}
