/**
 * Statistics dashboard benchmark (issue 7), one command:
 *
 *   npx tsx bench/stats/run.ts [--messages 1000000] [--users 30000] [--organisations 600] [--seed 7]
 *                              [--backend sqlite|postgres|both] [--record 1000] [--markdown]
 *
 * For each backend (PostgreSQL at LIAISON_BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres,
 * in a fresh database dropped at the end; SQLite in a temporary directory): a synthetic year of message
 * metadata (generate.ts) ending yesterday, the rollups rebuilt from it, then every dashboard query shape
 * through the stats service, one warm-up and 5 timed runs each (median, max). Last, --record more
 * messages go through the record path one transaction at a time, and the year-to-today report must
 * count exactly that many more. The target is under 1 s per report; slower ones are marked "OVER 1 s".
 */
import { loadavg } from 'node:os';
import { buildConfig } from '../../packages/server/src/config/config.ts';
import { createContext } from '../../packages/server/src/context.ts';
import { booleanFlag, numberFlag, stringFlag } from './args.ts';
import { postgresDatabase, sqliteDatabase, type BackendName, type BenchDatabase } from './backends.ts';
import { dashboardCases, timeReport } from './cases.ts';
import { defaultOptions, generateYear, prepareSchema, type GenerateOptions } from './generate.ts';
import { machineLine, printMarkdown, printText, type BackendResult } from './output.ts';
import { benchRecordPath } from './recordPath.ts';
import { timeRollupRebuild } from './server.ts';
import { sinkFor } from './sinks.ts';

const backendFlag = stringFlag('--backend', 'both');
if (!['both', 'sqlite', 'postgres'].includes(backendFlag))
  throw new Error('--backend is sqlite, postgres or both');
const backends: BackendName[] =
  backendFlag === 'both' ? ['sqlite', 'postgres'] : backendFlag === 'sqlite' ? ['sqlite'] : ['postgres'];
const recordCount = numberFlag('--record', 1000);
const markdown = booleanFlag('--markdown');
const pgUrl = process.env.LIAISON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function benchBackend(bench: BenchDatabase, options: GenerateOptions): Promise<BackendResult> {
  const config = buildConfig({
    LIAISON_DATA_DIR: bench.dataDir,
    LIAISON_DATABASE_URL: bench.url,
    LIAISON_SECRET: 'bench-stats-instance-secret-0123456789-abcdef',
    LIAISON_LOG_LEVEL: 'silent',
  });
  await prepareSchema(config.database);
  const generated = await generateYear(await sinkFor(config.database), options, `${bench.name}: generating`);
  const ctx = await createContext(config);
  try {
    const loadedBytes = await bench.size(ctx.db);
    log(`${bench.name}: generated in ${generated.seconds.toFixed(1)} s; rebuilding the rollups…`);
    const rebuildSeconds = await timeRollupRebuild(ctx.db);
    log(`${bench.name}: rollups rebuilt in ${rebuildSeconds.toFixed(1)} s`);
    const cases: BackendResult['cases'] = [];
    for (const c of dashboardCases(generated.calendar, generated.biggestHospital, generated.smallEhpad)) {
      const timing = await timeReport(ctx, c.query);
      log(
        `${bench.name}: ${c.label}: median ${timing.medianMs.toFixed(1)} ms, max ${timing.maxMs.toFixed(1)} ms`,
      );
      cases.push({ label: c.label, timing });
    }
    const record =
      recordCount > 0 ? await benchRecordPath(ctx, generated, recordCount) : { skipped: '--record 0' };
    return {
      name: bench.name,
      version: await bench.version(ctx.db),
      rows: generated.rows,
      organisations: generated.world.orgs.length,
      generationSeconds: generated.seconds,
      loadedBytes,
      totalBytes: await bench.size(ctx.db),
      rebuildSeconds,
      cases,
      record,
    };
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const options = defaultOptions();
  const results: BackendResult[] = [];
  for (const name of backends) {
    const bench = name === 'sqlite' ? sqliteDatabase() : await postgresDatabase(pgUrl);
    try {
      results.push(await benchBackend(bench, options));
    } finally {
      await bench.dispose();
    }
  }
  const machine = machineLine(
    results.map((r) => r.version),
    loadAtStart,
  );
  if (markdown) printMarkdown(results, machine);
  else printText(results, machine);
}

await main();
