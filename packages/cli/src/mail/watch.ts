/**
 * `liaison fetch --watch`: after the first pass, a WebSocket to the server says when the mailbox
 * changed and a pass runs then; a pass also runs every minute in case an event was lost (events are
 * hints, the sync from the cursor is the record). Passes never overlap: a change during a pass runs
 * one more after it. A dropped socket reconnects with growing delays; SIGINT or SIGTERM lets the
 * letter being filed finish, closes the socket and returns.
 */
import WebSocket from 'ws';
import { ApiError } from '../api.ts';
import { CliFailure } from '../failure.ts';

const FALLBACK_PASS_MS = 60_000;
/** A socket that has not answered a ping by the next one is dead (a silent network drop). */
const PING_MS = 30_000;
const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
/** The server closes with this code when the session behind the socket ended. */
const CLOSE_SESSION_ENDED = 4401;

export interface WatchOptions {
  server: string;
  token: string;
  mailbox: string;
  /** The saved cursor: a hello announcing a higher sequence means something to fetch. */
  cursor: () => number;
  /** One pass; `stopping` is checked between letters. */
  pass: (stopping: () => boolean) => Promise<void>;
  /** Once the socket is up and listening (the first time and after each reconnection). */
  onListening?: () => void;
}

/** `{"type":"hello","mailboxes":[{address,seq}]}` once, then `{"type":"mail","mailbox","seq"}`. */
interface ServerEvent {
  type?: unknown;
  mailbox?: unknown;
  mailboxes?: unknown;
}

/** Worth another try later: the server or network is away, or the disk is (full, unmounted). */
function transient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status === 0 || err.status === 429 || err.status >= 500;
  return typeof (err as NodeJS.ErrnoException).errno === 'number';
}

function text(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

function sessionEnded(): CliFailure {
  return new CliFailure('NOT_AUTHENTICATED', 'the session ended', 1, 'Sign in again: liaison login');
}

export function watchMailbox(o: WatchOptions): Promise<void> {
  const wanted = o.mailbox.toLowerCase();
  const url = new URL('/api/ws', o.server);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

  return new Promise<void>((resolve, reject) => {
    let stopping = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let running: Promise<void> | null = null;
    let again = false;
    let reconnectTimer: NodeJS.Timeout | undefined;
    let pingTimer: NodeJS.Timeout | undefined;
    const fallbackTimer = setInterval(() => schedule(), FALLBACK_PASS_MS);

    const onSignal = () => void stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    async function stop(failure?: Error): Promise<void> {
      if (stopping) return;
      stopping = true;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      clearInterval(fallbackTimer);
      clearInterval(pingTimer);
      clearTimeout(reconnectTimer);
      socket?.close(1000, 'client stopping');
      await running;
      if (failure === undefined) resolve();
      else reject(failure);
    }

    function schedule(): void {
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          try {
            await o.pass(() => stopping);
          } catch (err) {
            if (!transient(err)) {
              void stop(err instanceof Error ? err : new Error('the pass failed', { cause: err }));
              return;
            }
            const e = err as { code?: string; message?: string };
            process.stderr.write(`${e.code ?? 'error'}: ${e.message ?? String(err)}; trying again later\n`);
          }
        } while (again && !stopping);
      })().finally(() => {
        running = null;
      });
    }

    function onMessage(data: WebSocket.RawData): void {
      let event: ServerEvent;
      try {
        event = JSON.parse(text(data)) as ServerEvent;
      } catch {
        return;
      }
      if (event.type === 'hello') {
        attempt = 0;
        const boxes = Array.isArray(event.mailboxes)
          ? (event.mailboxes as Array<{ address?: unknown; seq?: unknown }>)
          : [];
        const entry = boxes.find((m) => String(m.address).toLowerCase() === wanted);
        if (entry && typeof entry.seq === 'number' && entry.seq > o.cursor()) schedule();
        o.onListening?.();
      } else if (event.type === 'mail' && String(event.mailbox).toLowerCase() === wanted) {
        schedule();
      }
    }

    function connect(): void {
      if (stopping) return;
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${o.token}` } });
      socket = ws;
      let alive = true;
      ws.on('open', () => {
        clearInterval(pingTimer);
        pingTimer = setInterval(() => {
          if (!alive) {
            ws.terminate();
            return;
          }
          alive = false;
          ws.ping();
        }, PING_MS);
      });
      ws.on('pong', () => {
        alive = true;
      });
      ws.on('message', onMessage);
      let failure = '';
      ws.on('error', (err) => {
        // A refused upgrade arrives as "Unexpected server response: 401".
        if (/\b401\b/.test(err.message)) {
          void stop(sessionEnded());
          return;
        }
        failure = ` (${err.message})`;
      });
      ws.on('close', (code) => {
        clearInterval(pingTimer);
        if (stopping) return;
        if (code === CLOSE_SESSION_ENDED) {
          void stop(sessionEnded());
          return;
        }
        const wait = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
        attempt++;
        process.stderr.write(`live updates: disconnected${failure}; reconnecting in ${wait / 1000} s\n`);
        reconnectTimer = setTimeout(connect, wait);
      });
    }

    schedule();
    connect();
  });
}
