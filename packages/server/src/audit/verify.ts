import type { Reader } from '../db/index.ts';
import type { AuditSigner } from './signing.ts';
import type { AuditVerification } from './types.ts';
import { ChainWalker, Problems, type Row } from './walker.ts';

/**
 * Walks the whole chain in pages, recomputing every hash and link, then holds the end of the chain
 * against the signed head and every signed checkpoint. Runs outside any transaction, concurrently with
 * appends: it reads the checkpoints, then the head, and scans only up to that head, so events appended
 * meanwhile are left for the next run rather than reported as strays.
 */
export async function verifyChain(
  read: Reader,
  signer: AuditSigner,
  pageSize: number,
): Promise<AuditVerification> {
  const problems = new Problems();
  // Checkpoints first: one written after this read then cannot be newer than the head read below.
  const checkpoints = await read.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const head = await readHead(read);
  const headTrusted = head !== undefined && signer.headMacValid(head.seq, head.hash, head.mac);
  if (head && !headTrusted) {
    problems.add(
      head.seq,
      'bad-head-signature',
      `the chain head (event ${head.seq}) is not signed by this instance`,
    );
  }
  const vouched = new Map<number, string>();
  for (const cp of checkpoints) {
    if (signer.checkpointMacValid(cp.seq, cp.hash, cp.at, cp.mac)) vouched.set(cp.seq, cp.hash);
    else
      problems.add(cp.seq, 'bad-checkpoint-signature', `checkpoint ${cp.seq} is not signed by this instance`);
  }

  const walker = new ChainWalker(problems, vouched);
  // A forged head's seq means nothing, so without a trusted head the scan goes to the end of the table.
  const bound = headTrusted ? head.seq : undefined;
  for (let cursor = 0; ;) {
    const page = await readPage(read, cursor, bound, pageSize);
    for (const row of page) walker.visit(row);
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    cursor = last.seq;
  }

  const lastSeq = walker.last?.seq ?? 0;
  if (headTrusted) {
    if (head.seq > lastSeq) {
      problems.add(
        lastSeq + 1,
        'truncated',
        `the signed head is at event ${head.seq} but the log ends at ${lastSeq}`,
      );
    } else if (head.seq > 0 && walker.last?.hash !== head.hash) {
      problems.add(
        head.seq,
        'truncated',
        `event ${head.seq} differs from the signed head: the tail was rewritten`,
      );
    }
    await reportStrays(read, head.seq, problems);
  } else if (!head && walker.events > 0) {
    problems.add(
      null,
      'bad-head-signature',
      `the signed head is missing but the log holds ${walker.events} events`,
    );
  }
  const tailReported = headTrusted ? head.seq : lastSeq;
  for (const seq of vouched.keys()) {
    if (seq > lastSeq && seq > tailReported) {
      problems.add(
        seq,
        'truncated',
        `checkpoint ${seq} vouches for events the log no longer holds (it ends at ${lastSeq})`,
      );
    }
  }
  return { ok: problems.list.length === 0, events: walker.events, problems: problems.sorted() };
}

/**
 * Rows past the head. Re-reading the head after finding one rules out a concurrent append: an append
 * commits its row and the new head together, so a committed row is never ahead of a head read later.
 */
async function reportStrays(read: Reader, headSeq: number, problems: Problems): Promise<void> {
  const stray = await read
    .selectFrom('audit_events')
    .select('seq')
    .where('seq', '>', headSeq)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (!stray) return;
  const headNow = await readHead(read);
  if (!headNow || headNow.seq < stray.seq) {
    problems.add(
      stray.seq,
      'modified',
      `event ${stray.seq} lies beyond the signed head (event ${headNow?.seq ?? 0}): the head was rolled back or the event added outside the log`,
    );
  }
}

function readPage(read: Reader, afterSeq: number, bound: number | undefined, size: number): Promise<Row[]> {
  let query = read.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq);
  if (bound !== undefined) query = query.where('seq', '<=', bound);
  return query.orderBy('seq').limit(size).execute();
}

function readHead(read: Reader) {
  return read.selectFrom('audit_head').select(['seq', 'hash', 'mac']).where('id', '=', 1).executeTakeFirst();
}
