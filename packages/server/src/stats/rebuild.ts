import { sql } from 'kysely';
import type { Database } from '../db/index.ts';
import { addToRollups } from './rollups.ts';

const ROLLUPS = ['stats_org_days', 'stats_user_days', 'stats_contact_days'] as const;

/**
 * Throws the rollups away and recomputes them from the mail tables with the same SQL the incremental
 * path runs (one INSERT … SELECT … GROUP BY per table over every counted message). For a bulk load
 * that bypassed submission (bench/stats), a repair, or after an organisation changed kind: the
 * incremental path keeps the side (establishment or city) a message had when it was counted.
 * Recipients are the members of each recipient mailbox as they are now.
 */
export async function rebuildStatsRollups(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') {
      // Fresh storage: a DELETE would leave every old row and index entry behind as dead tuples,
      // doubling what the reports' index probes walk through until a vacuum. Still transactional.
      await sql`truncate ${sql.join(ROLLUPS.map((t) => sql.table(t)))}`.execute(tx.db);
    } else {
      // SQLite empties a table without a WHERE in one step.
      for (const table of ROLLUPS) await tx.db.deleteFrom(table).execute();
    }
    await addToRollups(tx.db, 'all');
  });
  if (db.dialect === 'postgres') {
    // Millions of rows written at once. Statistics: without them the next reports are planned for
    // empty tables until autovacuum comes round (measured 0.9 s instead of 0.65 s). Visibility map:
    // until it is set, every "index-only" probe of the reports also reads the table page. SQLite plans
    // these queries well without statistics, which would only go stale as the tables keep growing.
    for (const table of ROLLUPS) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db.raw);
  }
}
