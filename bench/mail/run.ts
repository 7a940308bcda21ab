/**
 * Mail ingest benchmark: concurrent clients submit pre-encrypted 20 KB letters with 3 recipients over
 * HTTP to a real `liaison serve` process on SQLite (synchronous=FULL: a 201 means the letter is on
 * disk), for a fixed time; then one recipient lists and fetches its inbox. Prints messages/s and
 * p50/p99 latency, then the listing and fetch rates.
 *
 *   npx tsx bench/mail/run.ts [--seconds 10] [--clients 32] [--markdown]
 *
 * Letters are sealed once per sender before timing (signing and encryption happen on devices, not on
 * the server); each submission still gets its own id, so the server does all its per-letter work:
 * JSON and base64 decoding, size and envelope checks, recipient resolution, one transaction filing
 * four copies with their change sequences, and the fsync.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubmitMessageRequest } from '../../packages/core/src/api/mail.ts';
import { base64Encode, encrypt, signThenEncryptDer, utf8 } from '../../packages/core/src/crypto/index.ts';
import { buildConfig } from '../../packages/server/src/config/config.ts';
import { seedUsers, type BenchUser } from './seed.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const seconds = flag('--seconds', 10);
const clients = flag('--clients', 32);
const markdown = args.includes('--markdown');
const SENDERS = 8;
const RECIPIENTS = 3;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** A 20 KB letter body, as a device would have sealed it: signed, then encrypted for 3 + the sender. */
async function sealed(sender: BenchUser, recipients: BenchUser[]): Promise<Omit<SubmitMessageRequest, 'id'>> {
  const text = 'Compte rendu de consultation. '.repeat(700).slice(0, 20 * 1024);
  const certificates = [sender, ...recipients].map((u) => u.encryptionCertificatePem);
  const body = await signThenEncryptDer({
    content: utf8(`Content-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`),
    signer: { privateKey: sender.signing.privateKey, certificatePem: sender.signingCertificatePem },
    recipients: certificates,
  });
  const summary = await encrypt({ content: utf8('{"subject":"Compte rendu"}'), recipients: certificates });
  return {
    from: sender.address,
    to: recipients.map((r) => r.address),
    cc: [],
    category: 'patient',
    declared: {
      bodyBytes: body.length,
      summaryBytes: summary.length,
      attachmentCount: 0,
      attachmentBytes: 0,
    },
    body: base64Encode(body),
    summary: base64Encode(summary),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-mail-'));
  const port = await freePort();
  const env = {
    LIAISON_DATA_DIR: dataDir,
    LIAISON_SECRET: 'benchmark-instance-secret-0123456789-abcdefgh',
    LIAISON_HTTP_PORT: String(port),
    LIAISON_HTTP_HOST: '127.0.0.1',
    LIAISON_PUBLIC_URL: `http://localhost:${port}`,
    LIAISON_MAIL_DOMAIN: 'bench.test',
    LIAISON_LOG_LEVEL: 'warn',
    // All clients share one address here; the per-address flood guard would cap the run.
    LIAISON_RATE_LIMIT: '10000000',
  };
  const users = await seedUsers(buildConfig(env), SENDERS + RECIPIENTS);
  const senders = users.slice(0, SENDERS);
  const recipients = users.slice(SENDERS);
  const letters = await Promise.all(senders.map((s) => sealed(s, recipients)));

  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      'packages/cli/bin/liaison.js',
      'serve',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const latencies: number[] = [];
    let failures = 0;
    let firstFailure = '';
    const cpuBefore = cpuSeconds(server.pid!);
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const sender = senders[c % SENDERS]!;
        // Serialised once: the load generator shares the machine with the server, so it should spend
        // as little CPU as it can; each request only swaps in a fresh id.
        const template = JSON.stringify({
          id: '00000000-0000-4000-8000-000000000000',
          ...letters[c % SENDERS]!,
        });
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/mail/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${sender.token}`, 'content-type': 'application/json' },
            body: template.replace('00000000-0000-4000-8000-000000000000', crypto.randomUUID()),
          });
          const text = await res.text();
          if (res.status === 201) latencies.push(performance.now() - t0);
          else {
            failures++;
            firstFailure ||= `${res.status} ${text.slice(0, 200)}`;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const serverCpuMs = ((cpuSeconds(server.pid!) - cpuBefore) * 1000) / Math.max(1, latencies.length);
    latencies.sort((a, b) => a - b);
    const rate = latencies.length / elapsed;

    // A recipient catching up: inbox pages of 50, and fetching letters one by one.
    const reader = recipients[0]!;
    const headers = { authorization: `Bearer ${reader.token}` };
    const boxUrl = `${base}/api/mail/boxes/${encodeURIComponent(reader.address)}/messages`;
    const page = (await (await fetch(`${boxUrl}?view=inbox&limit=50`, { headers })).json()) as {
      items: Array<{ id: string }>;
    };
    const readFor = async (op: (i: number) => Promise<void>) => {
      let count = 0;
      const end = performance.now() + (seconds * 1000) / 2;
      const t0 = performance.now();
      while (performance.now() < end) await op(count++);
      return count / ((performance.now() - t0) / 1000);
    };
    const expectOk = async (res: Response) => {
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`read refused: ${res.status}`);
    };
    const listRate = await readFor(async () => {
      await expectOk(await fetch(`${boxUrl}?view=inbox&limit=50`, { headers }));
    });
    const fetchRate = await readFor(async (i) => {
      const id = page.items[i % page.items.length]!.id;
      await expectOk(await fetch(`${boxUrl}/${id}`, { headers }));
    });

    const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
    const machine = `${availableParallelism()} CPUs, ${cpu}, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`;
    const summary =
      `mail submit: ${rate.toFixed(0)} msg/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms (${clients} clients, ${seconds} s, 20 KB, ${RECIPIENTS} recipients, ` +
      `SQLite synchronous=FULL, ${failures} refused, server CPU ${serverCpuMs.toFixed(2)} ms/msg) | inbox page of 50: ${listRate.toFixed(0)}/s | fetch: ${fetchRate.toFixed(0)}/s`;
    if (markdown) {
      console.log(`- machine: ${machine}\n`);
      console.log(
        '| clients | messages/s | p50 ms | p99 ms | server CPU ms/msg | inbox pages/s (50 items) | fetches/s |',
      );
      console.log(
        '| ------: | ---------: | -----: | -----: | ----------------: | -----------------------: | --------: |',
      );
      console.log(
        `| ${clients} | ${rate.toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} | ${serverCpuMs.toFixed(2)} | ${listRate.toFixed(0)} | ${fetchRate.toFixed(0)} |`,
      );
    } else {
      console.log(summary);
      console.log(`machine: ${machine}`);
    }
    if (failures > 0) console.error(`first refusal: ${firstFailure}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
