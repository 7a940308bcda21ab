/**
 * The parent side of the receiver processes: splits the WebSocket clients between them, waits until
 * every socket is connected, and gathers their deliveries at the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';
import type { ConnectOrder, Connected, Deliveries, FromReceiver } from './protocol.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./clients.ts', import.meta.url));

export interface Receivers {
  pids: number[];
  collect(): Promise<Deliveries[]>;
  kill(): void;
}

function next<T extends FromReceiver['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromReceiver, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromReceiver) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<FromReceiver, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`a receiver process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startReceivers(
  clients: ConnectOrder['clients'],
  conversationIds: string[],
  processes: number,
): Promise<Receivers> {
  const children = Array.from({ length: processes }, () =>
    // `advanced` serialisation carries the typed arrays of deliveries as they are, not as JSON.
    fork(ENTRY, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], serialization: 'advanced' }),
  );
  const forget = onInterrupt(() => kill());
  const kill = () => {
    forget();
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  try {
    const answers: Connected[] = await Promise.all(
      children.map((child, p) => {
        const answer = next(child, 'connected');
        const share = clients.filter((_, i) => i % processes === p);
        const order: ConnectOrder = { type: 'connect', clients: share, conversationIds };
        child.send(order);
        return answer;
      }),
    );
    const failed = answers.reduce((sum, a) => sum + a.failed, 0);
    if (failed > 0) {
      const first = answers.find((a) => a.firstError)?.firstError ?? '';
      throw new Error(`${failed} of ${clients.length} WebSocket clients could not connect: ${first}`);
    }
  } catch (err) {
    kill();
    throw err;
  }
  return {
    pids: children.map((c) => c.pid!),
    async collect() {
      return Promise.all(
        children.map((child) => {
          const answer = next(child, 'deliveries');
          child.send({ type: 'collect' });
          return answer;
        }),
      );
    },
    kill,
  };
}
