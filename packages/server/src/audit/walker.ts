import type { AuditEventTable } from '../db/schema.ts';
import { eventHash, GENESIS_HASH } from './chain.ts';
import type { AuditProblem, AuditProblemKind } from './types.ts';

/** Past this many problems the log is plainly broken; listing more only costs memory. */
const MAX_PROBLEMS = 1000;

export type Row = AuditEventTable;

/** Checks each row against itself, its predecessor and any checkpoint at its seq. */
export class ChainWalker {
  events = 0;
  last: Row | undefined;
  private lastModified = 0;

  constructor(
    private readonly problems: Problems,
    private readonly vouched: Map<number, string>,
  ) {}

  visit(row: Row): void {
    this.events += 1;
    const expectedSeq = (this.last?.seq ?? 0) + 1;
    if (row.seq > expectedSeq) {
      const range =
        row.seq - 1 === expectedSeq
          ? `event ${expectedSeq} is`
          : `events ${expectedSeq} to ${row.seq - 1} are`;
      this.problems.add(expectedSeq, 'deleted', `${range} missing`);
    } else if (row.prev_hash !== (this.last?.hash ?? GENESIS_HASH)) {
      // Both rows may hash correctly on their own: the usual cause is that the earlier one was rewritten
      // and its hash recomputed, which is what the next row's link exposes.
      if (this.last) {
        const culprit = this.last.seq;
        this.modified(
          culprit,
          `event ${row.seq} does not link to event ${culprit}: event ${culprit} was rewritten`,
        );
      } else {
        this.modified(row.seq, `event ${row.seq} does not start from the genesis hash`);
      }
    }
    if (!this.hashHolds(row)) this.modified(row.seq, `event ${row.seq} no longer matches its hash`);
    const vouchedHash = this.vouched.get(row.seq);
    if (vouchedHash !== undefined && vouchedHash !== row.hash) {
      this.problems.add(
        row.seq,
        'checkpoint-mismatch',
        `event ${row.seq} differs from what checkpoint ${row.seq} signed`,
      );
    }
    this.last = row;
  }

  private hashHolds(row: Row): boolean {
    let details: unknown;
    try {
      details = JSON.parse(row.details);
    } catch {
      return false;
    }
    return eventHash({ ...row, details }) === row.hash;
  }

  private modified(seq: number, message: string): void {
    if (seq === this.lastModified) return; // one finding per rewritten event is enough
    this.lastModified = seq;
    this.problems.add(seq, 'modified', message);
  }
}

export class Problems {
  readonly list: AuditProblem[] = [];

  add(seq: number | null, kind: AuditProblemKind, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ seq, kind, message });
  }

  sorted(): AuditProblem[] {
    return [...this.list].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  }
}
