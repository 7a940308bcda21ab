/**
 * The server nodes as an operator runs them: `liaison serve` child processes on one PostgreSQL
 * database, with NATS between them when there are two (docs/cluster.md). Logging at `warn` so
 * request logs cost nothing measurable; stderr is passed through, so a node's failure is visible.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'benchmark-instance-secret-0123456789-abcdefgh';

export interface ServerNode {
  id: string;
  port: number;
  pid: number;
}

export interface Cluster {
  nodes: ServerNode[];
  /** The environment of node 1, for the seeding (same database, secret and public URL). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`a server node exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server node on port ${port} did not start in 30 s`);
}

/**
 * Plans the nodes (ports, environment) without starting them: the database is seeded first, with the
 * same environment, so the nodes start on a migrated, populated database.
 */
export async function planCluster(
  databaseUrl: string,
  count: number,
  natsUrl: string | null,
): Promise<{ env: Record<string, string>; start(): Promise<Cluster> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-chat-'));
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const envOf = (i: number): Record<string, string> => ({
    LIAISON_DATA_DIR: dataDir,
    LIAISON_SECRET: SECRET,
    LIAISON_DATABASE_URL: databaseUrl,
    LIAISON_HTTP_PORT: String(ports[i]),
    LIAISON_HTTP_HOST: '127.0.0.1',
    LIAISON_PUBLIC_URL: `http://localhost:${ports[0]}`,
    LIAISON_MAIL_DOMAIN: 'bench.test',
    LIAISON_LOG_LEVEL: 'warn',
    LIAISON_NODE_ID: `bench-${i + 1}`,
    // Every client comes from 127.0.0.1; the per-address flood guard would cap the run. The per-user
    // chat limit (20 messages / 10 s) stays as it is: the sender's schedule respects it.
    LIAISON_RATE_LIMIT: '100000000',
    ...(natsUrl ? { LIAISON_NATS_URL: natsUrl } : {}),
  });
  return {
    env: envOf(0),
    async start() {
      const children: ChildProcess[] = [];
      // An interrupted run does not reach `stop`: the nodes must not outlive it.
      const forget = onInterrupt(() => children.forEach((child) => child.kill('SIGKILL')));
      const stop = async () => {
        forget();
        await Promise.all(
          children.map(async (child) => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(timer);
          }),
        );
        rmSync(dataDir, { recursive: true, force: true });
      };
      try {
        for (let i = 0; i < count; i++) {
          const child = spawn(
            process.execPath,
            [
              ...(process.env.BENCH_PROFILE
                ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE]
                : []),
              'packages/cli/bin/liaison.js',
              'serve',
            ],
            { cwd: ROOT, env: { ...process.env, ...envOf(i) }, stdio: ['ignore', 'ignore', 'inherit'] },
          );
          children.push(child);
        }
        await Promise.all(children.map((child, i) => waitForHealth(ports[i]!, child)));
      } catch (err) {
        await stop();
        throw err;
      }
      return {
        nodes: children.map((child, i) => ({ id: `bench-${i + 1}`, port: ports[i]!, pid: child.pid! })),
        env: envOf(0),
        stop,
      };
    },
  };
}
