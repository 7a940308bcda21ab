/**
 * A receiver process: holds WebSocket clients (`GET /api/ws` with a bearer token, as the CLI
 * connects) and notes the time of every `{"type":"chat"}` event. It runs apart from the sender so the
 * sender's schedule and the receive timestamps do not wait on each other's event loop, and apart from
 * the server (the brief: the load generator is a separate process on the same machine).
 */
import WebSocket from 'ws';
import { monotonicMs } from './clock.ts';
import type { FromReceiver, ToReceiver } from './protocol.ts';

/** Connections opened at once: each upgrade costs the server a session lookup in PostgreSQL. */
const CONNECT_PARALLEL = 50;

const sockets: WebSocket[] = [];
const conversation: number[] = [];
const seqs: number[] = [];
const times: number[] = [];
let dropped = 0;
let collecting = false;
let conversationIndex = new Map<string, number>();

function reply(message: FromReceiver, then?: () => void): void {
  process.send!(message, undefined, {}, () => then?.());
}

/** With ws's default binaryType, a frame is one Buffer, or a list of them if it came in fragments. */
function text(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function onMessage(data: WebSocket.RawData): void {
  const at = monotonicMs();
  const event = JSON.parse(text(data)) as { type?: string; conversationId?: string; seq?: number };
  if (event.type !== 'chat' || event.conversationId === undefined || event.seq === undefined) return;
  conversation.push(conversationIndex.get(event.conversationId) ?? -1);
  seqs.push(event.seq);
  times.push(at);
}

/** Resolves once the server's `hello` arrives: the socket is registered with the node's hub by then. */
function open(url: string, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('no hello within 30 s'));
    }, 30_000);
    socket.once('message', () => {
      clearTimeout(timer);
      socket.on('message', onMessage);
      socket.on('close', () => {
        if (!collecting) dropped++;
      });
      resolve(socket);
    });
    socket.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`upgrade refused: ${res.statusCode}`));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

async function connectAll(order: Extract<ToReceiver, { type: 'connect' }>): Promise<void> {
  conversationIndex = new Map(order.conversationIds.map((id, i) => [id, i]));
  let next = 0;
  let failed = 0;
  let firstError = '';
  await Promise.all(
    Array.from({ length: CONNECT_PARALLEL }, async () => {
      while (next < order.clients.length) {
        const client = order.clients[next++]!;
        try {
          sockets.push(await open(client.url, client.token));
        } catch (err) {
          failed++;
          firstError ||= err instanceof Error ? err.message : String(err);
        }
      }
    }),
  );
  reply({ type: 'connected', ok: sockets.length, failed, firstError });
}

function collect(): void {
  collecting = true;
  const usage = process.cpuUsage();
  for (const socket of sockets) socket.terminate();
  // Disconnect only once the message is written: a large one would otherwise be cut off.
  reply(
    {
      type: 'deliveries',
      conversation: Int32Array.from(conversation),
      seq: Int32Array.from(seqs),
      at: Float64Array.from(times),
      dropped,
      cpuSeconds: (usage.user + usage.system) / 1e6,
    },
    () => process.disconnect(),
  );
}

// The run ended (or was interrupted): the IPC channel closes, and this process goes with it.
process.once('disconnect', () => process.exit(0));

process.on('message', (message: ToReceiver) => {
  if (message.type === 'connect') void connectAll(message);
  else collect();
});
