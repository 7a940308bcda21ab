/**
 * What the run needs from outside: a throw-away PostgreSQL database `liaison_bench_chat_<random>`
 * (dropped at the end, after a failure too, and on Ctrl-C: ./cleanup.ts) and, for the two-node case, a NATS server.
 * Both are checked before anything is seeded, so a missing service fails the run at once and loudly.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { onInterrupt } from './cleanup.ts';

export interface BenchDatabase {
  /** As LIAISON_DATABASE_URL takes it. */
  url: string;
  version: string;
  drop(): Promise<void>;
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is unreachable at ${adminUrl} (set LIAISON_BENCH_PG_URL)`, { cause: err });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `liaison_bench_chat_${randomBytes(6).toString('hex')}`;
  const version = await admin(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    const { rows } = await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return `PostgreSQL ${rows[0]?.v ?? '?'}`;
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | null = null;
  const drop = () =>
    (dropped ??= admin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }).finally(() => forget()));
  const forget = onInterrupt(drop);
  return { url: url.toString(), version, drop };
}

/**
 * NATS greets every new connection with an `INFO {…}` line: reading it proves a NATS server (not just
 * an open port) is there. JetStream itself is checked by the nodes, which refuse to start without it.
 */
export async function requireNats(natsUrl: string): Promise<string> {
  const url = new URL(natsUrl);
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`NATS is unreachable at ${natsUrl}: ${why} (set LIAISON_BENCH_NATS_URL)`));
    };
    const socket = connect({ host: url.hostname, port: Number(url.port || 4222) });
    socket.setTimeout(3000, () => fail('no answer in 3 s'));
    socket.once('error', (err) => fail(err.message));
    socket.once('data', (data) => {
      socket.destroy();
      const info = /^INFO (\{.*\})/.exec(data.toString('utf8'));
      if (!info) return fail('not a NATS server');
      const parsed = JSON.parse(info[1]!) as { version?: string; jetstream?: boolean };
      resolve(`NATS ${parsed.version ?? '?'}${parsed.jetstream ? ' (JetStream)' : ''}`);
    });
  });
}
