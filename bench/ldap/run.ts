/**
 * LDAP benchmark: searches per second of Liaison's LDAP service against OpenLDAP slapd, both serving
 * the same entries on the same machine in the same run, driven by the same client. Prints the ratio.
 *
 *   npx tsx bench/ldap/run.ts [--entries 20000] [--clients 16] [--seconds 10] [--markdown]
 *
 * 1. --entries published entries (long-tailed synthetic surnames) across 50 establishments with FINESS
 *    numbers, written straight into a fresh SQLite data dir and indexed (as bench/directory does);
 *    then a real `liaison serve` process with plain LDAP on a free loopback port.
 * 2. Everything Liaison serves under its base DN, read back from Liaison itself (anonymous, paged,
 *    user attributes only), written as LDIF and loaded with `slapadd -q` into a throwaway slapd (mdb,
 *    indexes on objectClass and cn/sn/givenName/mail eq,sub) started on another free loopback port.
 * 3. A sample of each query kind (half with accented values) run on both servers, size limit 500: the
 *    sets of DNs must match, except where Liaison's documented accent folding finds more; any other
 *    difference is printed as a WARNING.
 * 4. Per query kind, per server: --clients ldapjs connections (the library Liaison's server uses),
 *    each searching back to back, subtree from the base, size limit 50, attributes cn and mail, for
 *    1 s of warm-up then --seconds timed: (sn=<surname>), (cn=<first 5 letters>*), (mail=<address>).
 *
 * The client runs in this process, on the same machine: for the faster server the figure may be what
 * the client can drive (its CPU use is printed), and the server CPU per search is printed to compare
 * the servers' own work. Every process started here is stopped, and the temp dir removed, on success,
 * on error and on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import { buildConfig } from '../../packages/server/src/config/config.ts';
import { createContext } from '../../packages/server/src/context.ts';
import { percentile, seedPublishedEntries } from '../directory/seed.ts';
import { BASE_DN, cases, check, dnOf, filterFor, type Case, type Seeded } from './cases.ts';
import { close, connect, search } from './client.ts';
import { cleanup, cleanupOnSignals, cpuSeconds, freePort, onCleanup, stopProcess } from './processes.ts';
import { ldifRecord, slapadd, slapdVersion, startSlapd, writeSlapdConfig } from './slapd.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const entryCount = flag('--entries', 20_000);
const clientCount = flag('--clients', 16);
const seconds = flag('--seconds', 10);
const markdown = args.includes('--markdown');
const ORGANISATIONS = 50;
const SIZE_LIMIT = 50;
const WARMUP_MS = 1000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const secondsSince = (fromMs: number) => (performance.now() - fromMs) / 1000;

/** Establishments with FINESS numbers, then published entries written and indexed in batches. */
async function seed(env: Record<string, string>, rng: Rng): Promise<Seeded> {
  const ctx = await createContext(buildConfig(env));
  try {
    const started = performance.now();
    const { surnames, addresses } = await seedPublishedEntries(ctx, rng, {
      entries: entryCount,
      organisations: ORGANISATIONS,
    });
    return { surnames, addresses, seconds: secondsSince(started) };
  } finally {
    await ctx.close();
  }
}

/** Polls with a base search of the base DN until the server answers (or its process is gone). */
async function waitForLdap(
  url: string,
  child: { exitCode: number | null; signalCode: NodeJS.Signals | null },
  stderr: () => string,
): Promise<void> {
  const deadline = performance.now() + 120_000;
  let last = '';
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server at ${url} exited (${child.exitCode ?? child.signalCode}): ${stderr().slice(-2000)}`,
      );
    }
    try {
      const client = await connect(url, () => undefined);
      try {
        await search(client, {
          base: BASE_DN,
          scope: 'base',
          filter: '(objectClass=*)',
          attributes: ['1.1'],
          sizeLimit: 1,
        });
        return;
      } finally {
        close(client);
      }
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${url} did not answer in 120 s (${last}): ${stderr().slice(-2000)}`);
}

/** ldapjs 3 gives the entry's name as a DN object (its typings say string). */

/** Everything Liaison serves under the base, as LDIF: its user attributes (no operational ones). */
async function exportLdif(url: string, path: string): Promise<{ entries: number; seconds: number }> {
  const started = performance.now();
  const out = createWriteStream(path, { encoding: 'utf8' });
  const records: string[] = [];
  const client = await connect(url, () => undefined);
  let entries: number;
  try {
    entries = await search(
      client,
      {
        base: BASE_DN,
        scope: 'sub',
        filter: '(objectClass=*)',
        attributes: ['*'],
        sizeLimit: 0,
        pageSize: 1000,
      },
      (entry) => {
        const attributes = entry.attributes.filter((a) => !/^liaison/i.test(a.type));
        records.push(ldifRecord(dnOf(entry), attributes));
      },
    );
  } finally {
    close(client);
  }
  // Liaison streams parents first (base, ou=establishments, the establishments, then entries).
  for (const record of records) if (!out.write(record)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { entries, seconds: secondsSince(started) };
}

interface RunStats {
  rate: number;
  p50: number;
  p99: number;
  entriesPerSearch: number;
  serverCpuMs: number;
  clientCpuPercent: number;
  failures: number;
  firstFailure: string;
}

/** --clients connections searching back to back: 1 s of warm-up, then --seconds timed. */
async function measure(url: string, pid: number, c: Case): Promise<RunStats> {
  let failures = 0;
  let firstFailure = '';
  const fail = (err: unknown) => {
    failures += 1;
    firstFailure ||= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  };
  const clients = await Promise.all(Array.from({ length: clientCount }, () => connect(url, fail)));
  try {
    const filters = c.values.map((value) => filterFor(c, value));
    const latencies: number[] = [];
    let entries = 0;
    const drive = (ms: number, record: boolean) => {
      const deadline = performance.now() + ms;
      return Promise.all(
        clients.map(async (client, k) => {
          let errors = 0;
          for (let i = k; performance.now() < deadline && errors < 100; i += clientCount) {
            const filter = filters[i % filters.length]!;
            const t0 = performance.now();
            try {
              const received = await search(client, {
                base: BASE_DN,
                scope: 'sub',
                filter,
                attributes: ['cn', 'mail'],
                sizeLimit: SIZE_LIMIT,
              });
              if (record) {
                latencies.push(performance.now() - t0);
                entries += received;
              }
            } catch (err) {
              errors += 1;
              if (record) fail(err);
            }
          }
        }),
      );
    };
    await drive(WARMUP_MS, false);
    failures = 0;
    firstFailure = '';
    const serverCpu = cpuSeconds(pid);
    const clientCpu = process.cpuUsage();
    const started = performance.now();
    await drive(seconds * 1000, true);
    const elapsed = secondsSince(started);
    const used = process.cpuUsage(clientCpu);
    latencies.sort((x, y) => x - y);
    return {
      rate: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      entriesPerSearch: entries / Math.max(1, latencies.length),
      serverCpuMs: ((cpuSeconds(pid) - serverCpu) * 1000) / Math.max(1, latencies.length),
      clientCpuPercent: ((used.user + used.system) / 1e6 / elapsed) * 100,
      failures,
      firstFailure,
    };
  } finally {
    clients.forEach(close);
  }
}

const fixed = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function describe(s: RunStats): string {
  return (
    `${fixed(s.rate)} searches/s (p50 ${fixed(s.p50)} ms, p99 ${fixed(s.p99)} ms, ` +
    `${s.entriesPerSearch.toFixed(2)} entries/search, server CPU ${fixed(s.serverCpuMs)} ms/search, ` +
    `client CPU ${s.clientCpuPercent.toFixed(0)}%${s.failures > 0 ? `, ${s.failures} FAILED: ${s.firstFailure}` : ''})`
  );
}

async function main(): Promise<void> {
  cleanupOnSignals();
  const loadAtStart = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-ldap-'));
  onCleanup('temp dir', () => rmSync(dir, { recursive: true, force: true }));
  const [httpPort, liaisonPort, slapdPort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    LIAISON_DATA_DIR: join(dir, 'liaison'),
    LIAISON_SECRET: 'bench-ldap-instance-secret-0123456789-abcdefgh',
    LIAISON_HTTP_PORT: String(httpPort),
    LIAISON_HTTP_HOST: '127.0.0.1',
    LIAISON_PUBLIC_URL: `http://localhost:${httpPort}`,
    LIAISON_MAIL_DOMAIN: 'bench.test',
    LIAISON_LOG_LEVEL: 'warn',
    LIAISON_LDAP_PLAIN_PORT: String(liaisonPort),
    LIAISON_LDAP_BASE_DN: BASE_DN,
  };
  const rng = mulberry32(7);

  // 1. Liaison: seed, then the real server process.
  const seeded = await seed(env, rng);
  const liaison = spawn(process.execPath, ['packages/cli/bin/liaison.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  onCleanup('Liaison server', () => stopProcess(liaison));
  let liaisonLog = '';
  const liaisonLogLines: string[] = [];
  liaison.stderr.setEncoding('utf8');
  liaison.stderr.on('data', (chunk: string) => {
    liaisonLog = (liaisonLog + chunk).slice(-20_000);
    for (const line of chunk.split('\n')) if (line.trim() !== '') liaisonLogLines.push(line);
  });
  const liaisonUrl = `ldap://127.0.0.1:${liaisonPort}`;
  await waitForLdap(liaisonUrl, liaison, () => liaisonLog);

  // 2. slapd: the same entries, read back from Liaison, loaded offline.
  const slapdDir = join(dir, 'slapd');
  mkdirSync(slapdDir);
  const ldif = join(slapdDir, 'data.ldif');
  const exported = await exportLdif(liaisonUrl, ldif);
  const conf = writeSlapdConfig(slapdDir, BASE_DN);
  const loadStarted = performance.now();
  slapadd(conf, ldif);
  const slapaddSeconds = secondsSince(loadStarted);
  const slapd = startSlapd(conf, slapdPort);
  onCleanup('slapd', () => stopProcess(slapd.child));
  const slapdUrl = `ldap://127.0.0.1:${slapdPort}`;
  await waitForLdap(slapdUrl, slapd.child, slapd.stderr);

  // 3 and 4. Same answers? Then the timed runs, Liaison then slapd, case by case.
  const results: { c: Case; liaison: RunStats; slapd: RunStats; check: string }[] = [];
  for (const c of cases(seeded, rng)) {
    const checked = await check(liaisonUrl, slapdUrl, c);
    const fromLiaison = await measure(liaisonUrl, liaison.pid!, c);
    const fromSlapd = await measure(slapdUrl, slapd.child.pid!, c);
    results.push({ c, liaison: fromLiaison, slapd: fromSlapd, check: checked });
    if (!markdown) console.error(`done: ${c.name}`);
  }
  const liaisonProblems = liaisonLogLines.length;

  const cpu = cpus()[0]?.model.trim() ?? 'unknown';
  const machine =
    `${availableParallelism()} CPUs, ${cpu}, Node ${process.version}, OpenLDAP ${slapdVersion()}, ` +
    `load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`;
  const setup =
    `${entryCount.toLocaleString('en')} entries in ${ORGANISATIONS} establishments; ${clientCount} clients ` +
    `(ldapjs, one process), ${seconds} s per server per case after 1 s warm-up, subtree search from the base, ` +
    `size limit ${SIZE_LIMIT}, attributes cn mail`;
  const load =
    `Liaison: entries written and indexed in ${seeded.seconds.toFixed(1)} s (SQLite); ` +
    `slapd: ${exported.entries.toLocaleString('en')} objects read back from Liaison as LDIF in ${exported.seconds.toFixed(1)} s, ` +
    `slapadd -q (mdb, eq+sub indexes) in ${slapaddSeconds.toFixed(1)} s`;
  const logNote =
    liaisonProblems === 0
      ? 'Liaison logged no warnings or errors'
      : `Liaison logged ${liaisonProblems} warning/error lines, first: ${liaisonLogLines[0]!.slice(0, 300)}`;
  if (markdown) {
    console.log(`- machine: ${machine}`);
    console.log(`- setup: ${setup}`);
    console.log(`- load: ${load}\n`);
    console.log(
      '| search | Liaison searches/s | p50 ms | p99 ms | slapd searches/s | p50 ms | p99 ms | slapd/Liaison | entries/search (Liaison / slapd) | server CPU ms/search (Liaison / slapd) | client CPU (Liaison / slapd run) |',
    );
    console.log(
      '| ------ | -----------------: | -----: | -----: | ---------------: | -----: | -----: | ------------: | -------------: | -------------------------------------: | -------------------------------: |',
    );
    for (const { c, liaison: l, slapd: s } of results) {
      console.log(
        `| ${c.name.replace(/\|/g, '\\|')} | ${fixed(l.rate)} | ${fixed(l.p50)} | ${fixed(l.p99)} | ${fixed(s.rate)} | ` +
          `${fixed(s.p50)} | ${fixed(s.p99)} | ${fixed(s.rate / l.rate)}× | ${l.entriesPerSearch.toFixed(2)} / ${s.entriesPerSearch.toFixed(2)} | ` +
          `${fixed(l.serverCpuMs)} / ${fixed(s.serverCpuMs)} | ${l.clientCpuPercent.toFixed(0)}% / ${s.clientCpuPercent.toFixed(0)}% |`,
      );
    }
    console.log('');
    for (const { c, liaison: l, slapd: s, check: checked } of results) {
      console.log(`- ${c.name}: ${checked}`);
      if (l.failures > 0) console.log(`  - Liaison: ${l.failures} failed searches, first: ${l.firstFailure}`);
      if (s.failures > 0) console.log(`  - slapd: ${s.failures} failed searches, first: ${s.firstFailure}`);
    }
    console.log(`- ${logNote}`);
  } else {
    console.log(`machine: ${machine}`);
    console.log(`setup: ${setup}`);
    console.log(`load: ${load}`);
    for (const { c, liaison: l, slapd: s, check: checked } of results) {
      console.log(
        `${c.name}: Liaison ${describe(l)} · slapd ${describe(s)} · ratio slapd/Liaison ${fixed(s.rate / l.rate)}×`,
      );
      console.log(`  check: ${checked}`);
    }
    console.log(logNote);
  }
}

try {
  await main();
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
} finally {
  await cleanup();
}
