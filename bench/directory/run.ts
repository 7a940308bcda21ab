/**
 * Directory benchmark, on SQLite (the default store), one command:
 *
 *   npx tsx bench/directory/run.ts [--reference 1900000] [--entries 200000] [--import-rows 100000]
 *                                  [--queries 300] [--markdown]
 *
 * 1. National RPPS reference: a synthetic extraction of --reference professionals (the national
 *    file's exact header) imported by the real CLI in its own process: time and peak resident memory.
 * 2. A CSV upload of --import-rows entries through the import service: dry run, then the
 *    all-or-nothing import (every row becomes a pending submission).
 * 3. --entries published entries (long-tailed synthetic surnames, 300 establishments) written and
 *    indexed, then --queries searches of each kind through the search service: a whole surname
 *    typed without accents, a 4-letter prefix, and a surname with one typo; p50/p99 per kind.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseForSearch } from '../../packages/core/src/directory/searchText.ts';
import { generateRppsExtraction } from '../../packages/core/src/rpps/generator.ts';
import { randomFiness } from '../../packages/core/src/synthetic/ids.ts';
import { mulberry32, pick, type Rng } from '../../packages/core/src/synthetic/rng.ts';
import { CONSOLE_ACTOR } from '../../packages/server/src/auth/actor.ts';
import { buildConfig } from '../../packages/server/src/config/config.ts';
import { createContext, type AppContext } from '../../packages/server/src/context.ts';
import { searchDirectory } from '../../packages/server/src/directory/search/index.ts';
import { syntheticSurname } from './names.ts';
import { entryFields, percentile, seedPublishedEntries } from './seed.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const referencePersons = flag('--reference', 1_900_000);
const entryCount = flag('--entries', 200_000);
const importRows = flag('--import-rows', 100_000);
const queryCount = flag('--queries', 300);
const markdown = args.includes('--markdown');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const lines: string[] = [];
function report(label: string, figures: string): void {
  lines.push(markdown ? `| ${label} | ${figures} |` : `${label}: ${figures}`);
}

function seconds(fromMs: number): string {
  return `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;
}

async function writeLines(path: string, source: Iterable<string>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  for (const line of source) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const baseEnv = (dataDir: string) => ({
  LIAISON_DATA_DIR: dataDir,
  LIAISON_SECRET: 'bench-directory-secret-0123456789-abcdefghijkl',
  LIAISON_LOG_LEVEL: 'silent',
});

/** 1. The national reference, imported by the CLI as an operator would, under /usr/bin/time. */
async function benchReference(dir: string): Promise<void> {
  const file = join(dir, 'rpps.txt');
  await writeLines(file, generateRppsExtraction({ persons: referencePersons, seed: 5, badKeyRate: 0.001 }));
  const dataDir = join(dir, 'reference-data');
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %M',
      process.execPath,
      join(ROOT, 'packages/cli/bin/liaison.js'),
      'directory',
      'import-rpps',
      file,
      '--json',
    ],
    { env: { ...process.env, ...baseEnv(dataDir) }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`import-rpps failed: ${run.stderr.slice(-2000)}`);
  const [elapsed, maxKb] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const summary = JSON.parse(run.stdout.trim()) as { persons: number };
  const mb = (statSync(file).size / 1e6).toFixed(0);
  report(
    `RPPS reference import (${summary.persons.toLocaleString('en')} professionals, ${mb} MB)`,
    `${elapsed!.toFixed(1)} s, peak RSS ${(maxKb! / 1024).toFixed(0)} MB`,
  );
}

/** 2. A CSV of `importRows` entries through dry run and import (the 30 s target). */
async function benchFileImport(ctx: AppContext, organisationId: string, rng: Rng): Promise<void> {
  const rows = ['nom;prénom;spécialité;email;département'];
  for (let i = 0; i < importRows; i++) {
    const f = entryFields(rng, syntheticSurname(rng), `import.${i}@ch-bench.fr`);
    rows.push(`${f.lastName};${f.firstName};${f.specialty};${f.mailboxes[0]!.address};${f.departement}`);
  }
  const bytes = Buffer.from(rows.join('\r\n'));
  const started = performance.now();
  const check = await ctx.directoryImports.check(CONSOLE_ACTOR, organisationId, bytes, 'bench.csv');
  const checked = seconds(started);
  if (check.errors.length > 0) throw new Error(`bench file has bad rows: ${JSON.stringify(check.errors[0])}`);
  const run = await ctx.directoryImports.start(CONSOLE_ACTOR, organisationId, bytes, 'bench.csv');
  const done = await run.done;
  if (done.status !== 'done') throw new Error(`import failed: ${JSON.stringify(done.error)}`);
  report(
    `CSV import of ${importRows.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB)`,
    `dry run ${checked}, dry run + import ${seconds(started)}`,
  );
}

/** 3. Published entries written straight into the table, then indexed as approvals index them. */
async function seedPublished(ctx: AppContext, rng: Rng): Promise<string[]> {
  const started = performance.now();
  const { surnames } = await seedPublishedEntries(ctx, rng, { entries: entryCount, organisations: 300 });
  report(`${entryCount.toLocaleString('en')} published entries written and indexed`, seconds(started));
  return surnames;
}

/** One typo a person makes: a letter swapped for another inside the word. */
function withTypo(rng: Rng, word: string): string {
  const i = 1 + Math.floor(rng() * (word.length - 2));
  const letter = word[i] === 'e' ? 'a' : 'e';
  return word.slice(0, i) + letter + word.slice(i + 1);
}

async function benchSearch(ctx: AppContext, surnames: string[], rng: Rng): Promise<void> {
  const kinds: Record<string, (surname: string) => string> = {
    'name (no accents)': (s) => normaliseForSearch(s),
    'prefix (4 letters)': (s) => normaliseForSearch(s).replace(/ /g, '').slice(0, 4),
    'one typo': (s) => withTypo(rng, normaliseForSearch(s).split(' ')[0]!),
  };
  for (const [kind, make] of Object.entries(kinds)) {
    const times: number[] = [];
    let hits = 0;
    for (let q = 0; q < queryCount; q++) {
      const surname =
        pick(
          rng,
          surnames.filter((s, i) => i % 97 === q % 97 && s.length >= 6),
        ) ?? surnames[0]!;
      const text = make(surname);
      const t0 = performance.now();
      const result = await searchDirectory(ctx.db, { text, includeUnlisted: false, limit: 20, offset: 0 });
      times.push(performance.now() - t0);
      if (result.hits.length > 0) hits++;
    }
    times.sort((a, b) => a - b);
    report(
      `search, ${kind}, ${queryCount} queries`,
      `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, ${hits}/${queryCount} found something`,
    );
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-directory-'));
  const rng = mulberry32(42);
  try {
    await benchReference(dir);
    const config = buildConfig({ ...baseEnv(join(dir, 'data')) });
    const ctx = await createContext(config);
    try {
      const org = await ctx.organisations.create(CONSOLE_ACTOR, {
        kind: 'hospital',
        name: 'CH Bench',
        finess: randomFiness(rng),
      });
      await benchFileImport(ctx, org.id, rng);
      const surnames = await seedPublished(ctx, rng);
      await benchSearch(ctx, surnames, rng);
      report('peak RSS of the benchmark process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    } finally {
      await ctx.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = `${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`;
  if (markdown) console.log(`Machine: ${machine}\n\n| case | figures |\n| --- | --- |`);
  else console.log(`machine: ${machine}`);
  for (const line of lines) console.log(line);
}

await main();
