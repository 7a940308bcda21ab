/**
 * A deterministic synthetic year of message metadata for the statistics (issue 7), written into a
 * migrated Liaison database, then the rollups rebuilt from it. Used by run.ts, and on its own to get a
 * database to look at (the web dashboard, EXPLAIN):
 *
 *   npx tsx bench/stats/generate.ts --database sqlite:/tmp/stats.sqlite|postgres://…/db
 *       [--messages 1000000] [--users 30000] [--organisations 600] [--seed 7] [--end YYYY-MM-DD]
 *
 * The same flags give the same rows (ids included); `--end` (default: yesterday, UTC) is the last day.
 */
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../packages/core/src/synthetic/rng.ts';
import { buildConfig, type DatabaseConfig } from '../../packages/server/src/config/config.ts';
import { connectDatabase, migrateToLatest } from '../../packages/server/src/db/index.ts';
import { numberFlag, stringFlag } from './args.ts';
import { Calendar, yesterday } from './calendar.ts';
import { progressLine } from './progress.ts';
import { worldRows } from './rows.ts';
import { apportion } from './sample.ts';
import { timeRollupRebuild } from './server.ts';
import { sinkFor, type Sink } from './sinks.ts';
import { Traffic } from './traffic.ts';
import { buildWorld, type Org, type World } from './world.ts';

export interface GenerateOptions {
  messages: number;
  users: number;
  organisations: number;
  seed: number;
  /** Last generated day, YYYY-MM-DD. */
  end: string;
  days: number;
}

export interface Generated {
  world: World;
  calendar: Calendar;
  /** Carries on the same streams: more messages from the same people (the record path's). */
  traffic: Traffic;
  rows: { messages: number; recipients: number; holds: number; mailboxes: number; users: number };
  seconds: number;
  /** The establishment that sends most, and a small nursing home that was there all year. */
  biggestHospital: Org;
  smallEhpad: Org;
}

export function defaultOptions(): GenerateOptions {
  return {
    messages: numberFlag('--messages', 1_000_000),
    users: numberFlag('--users', 30_000),
    organisations: numberFlag('--organisations', 600),
    seed: numberFlag('--seed', 7),
    end: stringFlag('--end', yesterday()),
    days: 365,
  };
}

export async function generateYear(sink: Sink, options: GenerateOptions, label: string): Promise<Generated> {
  const started = performance.now();
  const calendar = new Calendar(options.end, options.days);
  // Separate streams: asking for more messages must not change who is on the platform.
  const world = buildWorld(mulberry32(options.seed), options);
  const traffic = new Traffic(world, calendar, mulberry32(options.seed + 2));
  const perDay = apportion(
    options.messages,
    Array.from({ length: options.days }, (_, d) => calendar.volume(d)),
  );
  const progress = progressLine(label);
  const rows = { messages: 0, recipients: 0, holds: 0 };
  try {
    await sink.write(worldRows(world, calendar, mulberry32(options.seed + 1)));
    for (let d = 0; d < options.days; d++) {
      const day = traffic.day(d, perDay[d]!);
      await sink.write(day);
      rows.messages += day.mail_messages.length;
      rows.recipients += day.mail_recipients.length;
      rows.holds += day.mail_holds.length;
      progress.update(rows.messages, options.messages);
    }
  } finally {
    progress.end();
    await sink.close();
  }
  const ehpads = world.orgs.filter((o) => o.kind === 'ehpad' && o.createdDay < 0);
  const smallEhpad = ehpads.sort((a, b) => (a.beds ?? 0) - (b.beds ?? 0))[0];
  const biggestHospital = world.orgs.find((o) => o.kind === 'hospital');
  if (!smallEhpad || !biggestHospital) throw new Error('too few organisations for a hospital and an EHPAD');
  return {
    world,
    calendar,
    traffic,
    rows: { ...rows, mailboxes: world.mailboxes.length, users: world.people.length },
    seconds: (performance.now() - started) / 1000,
    biggestHospital,
    smallEhpad,
  };
}

/**
 * Migrates the target and checks it holds no mail, then lets go of it: the loader takes the write lock
 * for long stretches, and on SQLite a server connection waiting for it (the scheduler's first writes)
 * would block the whole process in its busy timeout.
 */
export async function prepareSchema(database: DatabaseConfig): Promise<void> {
  const db = connectDatabase(database);
  try {
    await migrateToLatest(db);
    const existing = await db.read
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) throw new Error('the database already holds messages: give an empty one');
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const target = stringFlag('--database', '');
  if (!target) throw new Error('--database sqlite:PATH or --database postgres://… is required');
  const { database } = buildConfig({ LIAISON_DATABASE_URL: target, LIAISON_LOG_LEVEL: 'silent' });
  await prepareSchema(database);
  const options = defaultOptions();
  const generated = await generateYear(await sinkFor(database), options, 'generating');
  const db = connectDatabase(database);
  try {
    const rebuild = await timeRollupRebuild(db);
    const { rows } = generated;
    console.log(
      `generated ${rows.messages.toLocaleString('en')} messages (${rows.recipients.toLocaleString('en')} recipients, ` +
        `${rows.holds} held, ${rows.users.toLocaleString('en')} users, ${generated.world.orgs.length} organisations) ` +
        `ending ${options.end} in ${generated.seconds.toFixed(1)} s; rollups rebuilt in ${rebuild.toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
