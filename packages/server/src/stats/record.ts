import { CompiledQuery } from 'kysely';
import type { Dialect, Tx } from '../db/index.ts';
import { rollupUpserts } from './rollups.ts';

/** No message has this id: the one-message upserts are compiled with it, then it is swapped. */
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The SQL of the three upserts for one message, per dialect. They run in every submission, where the
 * server is bound by JavaScript time on one thread, and building them with Kysely took about a third
 * of a millisecond a message; only the message id changes, so they are built once.
 */
const compiled = new Map<Dialect, ReadonlyArray<CompiledQuery<unknown>>>();

function upsertsFor(tx: Tx): ReadonlyArray<CompiledQuery<unknown>> {
  let queries = compiled.get(tx.dialect);
  if (!queries) {
    queries = rollupUpserts(tx.db, { messageId: PLACEHOLDER_ID }).map((q) => q.compile());
    compiled.set(tx.dialect, queries);
  }
  return queries;
}

/**
 * Adds one counted message to the statistics rollups, in the transaction that makes it count: the
 * submission of a message no rule held (mail/submit.ts), or a technician's release of a held one
 * (quarantine/decide.ts). It counts on the UTC day it was submitted, also when released later. A held
 * or rejected message adds nothing, so a mistaken call cannot inflate the figures.
 */
export async function recordExchanged(tx: Tx, messageId: string): Promise<void> {
  for (const query of upsertsFor(tx)) {
    const parameters = query.parameters.map((p) => (p === PLACEHOLDER_ID ? messageId : p));
    await tx.db.executeQuery(CompiledQuery.raw(query.sql, parameters));
  }
}
