import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { deleteRows, insertRows, type IndexRow, type UnplacedRow } from './sqliteRows.ts';

/**
 * Positions: a document's position (its FTS5 rowid) grows with its `order_key`, so FTS5, which returns
 * matches in rowid order, returns them in display order, and `LIMIT … OFFSET …` stops after the page.
 * A new document takes a free integer between its neighbours' positions; when there is none, a window
 * of neighbours is spread out again (list labelling). Positions stay below 2^40: exact as JS numbers
 * and short in FTS5's delta-encoded lists.
 */
const SPAN = 2 ** 40;
/** Room left between documents added after the last one (or before the first): imports come sorted. */
const END_STEP = 2 ** 16;
/** The average gap a re-spread window must end with, so the next inserts there find room. */
const MIN_GAP = 2 ** 10;
/** Neighbours added on each side when a window has to grow, at first; doubles each time. */
const FIRST_WIDENING = 8;

/** New documents whose key falls between the same two existing ones (0 and SPAN: none). */
interface Group {
  pred: number;
  succ: number;
  rows: UnplacedRow[];
}

/** Positions for `count` documents strictly between `pred` and `succ`, or null when they do not fit. */
function spread(pred: number, succ: number, count: number): number[] | null {
  if (succ - pred - 1 < count) return null;
  const even = Math.floor((succ - pred) / (count + 1));
  const slots = Array.from({ length: count }, (_, i) => i + 1);
  if (pred === 0 && succ === SPAN) return slots.map((i) => even * i);
  const step = pred === 0 || succ === SPAN ? Math.min(END_STEP, even) : even;
  if (pred === 0) return slots.map((i) => succ - step * (count + 1 - i));
  return slots.map((i) => pred + step * i);
}

/** The new documents in key order, grouped by the existing documents they fall between. */
async function groupsBetweenNeighbours(tx: Tx, rows: readonly UnplacedRow[]): Promise<Group[]> {
  const keys = JSON.stringify(rows.map((r) => r.order_key));
  // Ordered by SQLite itself, so the key order here is exactly the one its index uses.
  const { rows: found } = await sql<{ i: number; pred: number; succ: number }>`
    SELECT j.key AS i,
      coalesce((SELECT d.pos FROM directory_search_docs d WHERE d.order_key < j.value
                ORDER BY d.order_key DESC LIMIT 1), 0) AS pred,
      coalesce((SELECT d.pos FROM directory_search_docs d WHERE d.order_key > j.value
                ORDER BY d.order_key LIMIT 1), ${SPAN}) AS succ
    FROM json_each(${keys}) j ORDER BY j.value`.execute(tx.db);
  const groups: Group[] = [];
  for (const { i, pred, succ } of found) {
    const last = groups.at(-1);
    const row = rows[i]!;
    if (last?.pred === pred && last.succ === succ) last.rows.push(row);
    else groups.push({ pred, succ, rows: [row] });
  }
  return groups;
}

async function oneNumber(tx: Tx, query: RawBuilder<{ n: number | null }>): Promise<number | null> {
  const { rows } = await query.execute(tx.db);
  return rows[0]?.n ?? null;
}

/**
 * Spreads out the documents around a group that does not fit, together with the group. The window
 * [first, last] of existing positions starts as the group's two neighbours and widens until the space
 * between the documents just outside it leaves MIN_GAP on average (or it is the whole index).
 */
async function respread(tx: Tx, group: Group): Promise<void> {
  let first = group.pred > 0 ? group.pred : group.succ;
  let last = group.succ < SPAN ? group.succ : group.pred;
  for (let widening = FIRST_WIDENING; ; widening *= 2) {
    const lo =
      (await oneNumber(tx, sql`SELECT max(pos) AS n FROM directory_search_docs WHERE pos < ${first}`)) ?? 0;
    const hi =
      (await oneNumber(tx, sql`SELECT min(pos) AS n FROM directory_search_docs WHERE pos > ${last}`)) ?? SPAN;
    const inside = await oneNumber(
      tx,
      sql`SELECT count(*) AS n FROM directory_search_docs WHERE pos BETWEEN ${first} AND ${last}`,
    );
    const total = (inside ?? 0) + group.rows.length;
    if ((hi - lo) / (total + 1) >= MIN_GAP || (lo === 0 && hi === SPAN)) {
      await rewriteWindow(tx, group, first, last, lo, hi);
      return;
    }
    if (lo > 0) {
      first =
        (await oneNumber(
          tx,
          sql`SELECT pos AS n FROM directory_search_docs WHERE pos < ${first}
              ORDER BY pos DESC LIMIT 1 OFFSET ${widening - 1}`,
        )) ?? (await oneNumber(tx, sql`SELECT min(pos) AS n FROM directory_search_docs`))!;
    }
    if (hi < SPAN) {
      last =
        (await oneNumber(
          tx,
          sql`SELECT pos AS n FROM directory_search_docs WHERE pos > ${last}
              ORDER BY pos LIMIT 1 OFFSET ${widening - 1}`,
        )) ?? (await oneNumber(tx, sql`SELECT max(pos) AS n FROM directory_search_docs`))!;
    }
  }
}

/** Moves the window's documents and places the group's, evenly between `lo` and `hi`. */
async function rewriteWindow(tx: Tx, group: Group, first: number, last: number, lo: number, hi: number) {
  const { rows: window } = await sql<IndexRow>`
    SELECT pos, entry_id, order_key, words, filters, listed FROM directory_search_docs
    WHERE pos BETWEEN ${first} AND ${last} ORDER BY pos`.execute(tx.db);
  // The group's keys lie between its two neighbours, both in the window (when they exist).
  const at = group.pred === 0 ? 0 : window.findIndex((r) => r.pos === group.pred) + 1;
  const ordered: UnplacedRow[] = [...window.slice(0, at), ...group.rows, ...window.slice(at)];
  const step = Math.floor((hi - lo) / (ordered.length + 1));
  if (step < 1) throw new Error('directory search: no positions left (more than 2^40 entries?)');
  await deleteRows(
    tx,
    window.map((r) => r.pos),
  );
  await insertRows(
    tx,
    ordered.map((r, i) => ({ ...r, pos: lo + step * (i + 1) })),
  );
}

/** Adds documents not in the index yet, each at a position that keeps the index in key order. */
export async function placeRows(tx: Tx, rows: readonly UnplacedRow[]): Promise<void> {
  let pending = rows;
  while (pending.length > 0) {
    const placed: IndexRow[] = [];
    const crowded: Group[] = [];
    for (const group of await groupsBetweenNeighbours(tx, pending)) {
      const positions = spread(group.pred, group.succ, group.rows.length);
      if (positions === null) crowded.push(group);
      else placed.push(...group.rows.map((row, i) => ({ ...row, pos: positions[i]! })));
    }
    await insertRows(tx, placed);
    const [first, ...others] = crowded;
    if (first === undefined) return;
    // Re-spreading moves documents other groups were placed against: place those again afterwards.
    await respread(tx, first);
    pending = others.flatMap((g) => g.rows);
  }
}
