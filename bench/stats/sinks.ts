/**
 * Bulk writers for the generated rows, one per backend, both on their own connection beside the
 * server's `Database` (the schema itself comes from the server's migrations). Loading a year through
 * the service layer would take hours; these take a minute or two per million messages.
 *
 * - SQLite: one prepared statement per table, run row by row inside large transactions (the fastest
 *   way into SQLite from Node), with a large page cache and no fsync: a crashed load is simply
 *   run again, and the server's own connection keeps its settings for the measurements.
 * - PostgreSQL: one `INSERT … SELECT FROM unnest($1::text[], $2::int4[] …)` per table and batch: one
 *   parameter per column whatever the number of rows, so batches are not bound by the 65,535-parameter
 *   limit of multi-row VALUES.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseConfig } from '../../packages/server/src/config/config.ts';
import { TABLE_ORDER, type Rows, type TableName } from './rows.ts';

export interface Sink {
  /** Writes every table of `rows`, parents first; everything is stored once `close` returns. */
  write(rows: Rows): Promise<void>;
  close(): Promise<void>;
}

type Row = Record<string, unknown>;

function present(rows: Rows): Array<[TableName, Row[]]> {
  return TABLE_ORDER.flatMap((t) => {
    const list = rows[t] as Row[] | undefined;
    return list && list.length > 0 ? [[t, list] as [TableName, Row[]]] : [];
  });
}

const SQLITE_ROWS_PER_COMMIT = 500_000;

export function sqliteSink(path: string): Sink {
  const db = new SQLite(path);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288'); // 512 MiB: the random-UUID primary keys stay in memory while loading
  const statements = new Map<TableName, SQLite.Statement>();
  const statementFor = (table: TableName, sample: Row) => {
    let s = statements.get(table);
    if (!s) {
      const columns = Object.keys(sample);
      s = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      statements.set(table, s);
    }
    return s;
  };
  // Few, large transactions: random UUID keys dirty pages all over each index, and every commit
  // writes all its dirty pages to the WAL again. A day per transaction made commits half the load time.
  let pending = 0;
  const commit = () => {
    if (db.inTransaction) db.exec('COMMIT');
    pending = 0;
  };
  return {
    write(rows) {
      if (!db.inTransaction) db.exec('BEGIN');
      for (const [table, list] of present(rows)) {
        const statement = statementFor(table, list[0]!);
        for (const row of list) statement.run(row);
        pending += list.length;
      }
      if (pending >= SQLITE_ROWS_PER_COMMIT) commit();
      return Promise.resolve();
    },
    close() {
      try {
        commit();
        // Fold the write-ahead log into the file, so the measured connection starts from a plain file.
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      return Promise.resolve();
    },
  };
}

const PG_BATCH = 5000;

export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  // A Ctrl-C drops the database under this connection: that must not crash the clean-up with an
  // unhandled 'error' event (a query still waiting on it fails anyway).
  client.on('error', () => undefined);
  await client.connect();
  // Durability is not the point of a load that is thrown away: no wait for the WAL flush at commit.
  await client.query('SET synchronous_commit = off');
  const columnTypes = new Map<TableName, Map<string, string>>();
  const typesOf = async (table: TableName) => {
    let types = columnTypes.get(table);
    if (!types) {
      const result = await client.query<{ column_name: string; udt_name: string }>(
        `SELECT column_name, udt_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1`,
        [table],
      );
      types = new Map(result.rows.map((r) => [r.column_name, r.udt_name]));
      columnTypes.set(table, types);
    }
    return types;
  };
  const insert = async (table: TableName, list: Row[]) => {
    const types = await typesOf(table);
    const columns = Object.keys(list[0]!);
    const casts = columns.map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`${table}.${c} is not a column of the migrated schema`);
      return `$${i + 1}::${type}[]`;
    });
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
    for (let start = 0; start < list.length; start += PG_BATCH) {
      const batch = list.slice(start, start + PG_BATCH);
      await client.query(
        sql,
        columns.map((c) => batch.map((row) => row[c] ?? null)),
      );
    }
  };
  return {
    async write(rows) {
      await client.query('BEGIN');
      try {
        for (const [table, list] of present(rows)) await insert(table, list);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    },
    async close() {
      await client.end();
    },
  };
}

export async function sinkFor(database: DatabaseConfig): Promise<Sink> {
  return database.kind === 'postgres' ? await postgresSink(database.url) : sqliteSink(database.path);
}
