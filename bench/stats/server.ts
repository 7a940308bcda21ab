/**
 * The statistics side of the server as the bench drives it: the rollup rebuild after a bulk load (the
 * load bypasses submission, so nothing was recorded message by message).
 */
import { sql } from 'kysely';
import type { Database } from '../../packages/server/src/db/index.ts';
import { rebuildStatsRollups } from '../../packages/server/src/stats/rebuild.ts';

/**
 * Rebuilds the rollups and returns the seconds it took. On PostgreSQL the tables are vacuumed and
 * analysed before and after, as autovacuum does within a minute of a bulk load in production (the
 * planner would otherwise guess row counts of freshly loaded tables); SQLite has no such thing and
 * the server never runs ANALYZE, so it is measured as it would run.
 */
export async function timeRollupRebuild(db: Database): Promise<number> {
  await analyse(db);
  const started = performance.now();
  await rebuildStatsRollups(db);
  const seconds = (performance.now() - started) / 1000;
  await analyse(db);
  return seconds;
}

async function analyse(db: Database): Promise<void> {
  if (db.dialect === 'postgres') await sql`VACUUM (ANALYZE)`.execute(db.raw);
}
