import { iso, type Clock } from '../clock.ts';
import type { Database, Tx } from '../db/index.ts';
import { canonicalJson } from './canonical.ts';
import { eventHash, GENESIS_HASH, type ChainedFields } from './chain.ts';
import { assertNoSecretKeys } from './details.ts';
import { AuditSigner } from './signing.ts';
import {
  AuditIntegrityError,
  type AuditEntry,
  type AuditEventInput,
  type AuditVerification,
} from './types.ts';
import { verifyChain } from './verify.ts';

const VERIFY_PAGE = 1000;
const LIST_MAX = 500;

interface Head {
  seq: number;
  hash: string;
  mac: string;
}

/**
 * Append-only, hash-chained record of security events (DESIGN §3). Each event carries the hash of the
 * one before; the chain head is MAC-signed with a key derived from the instance secret, and periodic
 * signed checkpoints pin earlier heads, so rewriting, removing or cutting off events is detected by
 * `verify()` even by someone who can write to the database.
 */
export class AuditLog {
  private readonly signer: AuditSigner;

  constructor(
    private readonly db: Database,
    instanceSecret: string,
    private readonly clock: Clock,
  ) {
    this.signer = new AuditSigner(instanceSecret);
  }

  /**
   * Records one event inside the caller's transaction, so it commits or rolls back with the action it
   * describes. Appends are serialised on the chain head row (held until the transaction ends), so call
   * this after the action's own writes to keep that lock short.
   *
   * NEVER put secrets, passwords, tokens, keys, message content or patient identity in `details`: the
   * log is kept for years and cannot be edited. Obvious secret key names are refused with an error.
   *
   * Throws AuditIntegrityError when the head is not signed by this instance: extending a forged head
   * would re-sign it and hide the forgery.
   */
  async append(tx: Tx, event: AuditEventInput): Promise<{ seq: number; hash: string }> {
    assertNoSecretKeys(event.details);
    const head = await this.lockHead(tx);
    if (!this.signer.headMacValid(head.seq, head.hash, head.mac)) {
      throw new AuditIntegrityError(
        `audit head (event ${head.seq}) is not signed by this instance; run verify`,
      );
    }
    const detailsText = canonicalJson(event.details ?? {});
    const fields: ChainedFields = {
      seq: head.seq + 1,
      at: iso(this.clock.now()),
      actor: event.actor,
      action: event.action,
      target: event.target ?? null,
      // Hash what verify() will read back (e.g. a Date as its ISO string), not the caller's object.
      details: JSON.parse(detailsText) as unknown,
      prev_hash: head.hash,
    };
    const hash = eventHash(fields);
    await tx.db
      .insertInto('audit_events')
      .values({ ...fields, details: detailsText, hash })
      .execute();
    await tx.db
      .updateTable('audit_head')
      .set({ seq: fields.seq, hash, mac: this.signer.headMac(fields.seq, hash) })
      .where('id', '=', 1)
      .execute();
    return { seq: fields.seq, hash };
  }

  /**
   * Signs the current head as a checkpoint (its own transaction; run by a scheduled job). A checkpoint
   * outlives the head it copies, so cutting the tail and rolling the head back to an older genuine one
   * is still caught. Returns null while the log is empty.
   */
  async checkpoint(): Promise<{ seq: number; hash: string } | null> {
    return this.db.transaction(async (tx) => {
      const head = await tx.db
        .selectFrom('audit_head')
        .select(['seq', 'hash', 'mac'])
        .where('id', '=', 1)
        .executeTakeFirst();
      if (!head || head.seq === 0) return null;
      // Never vouch for a forged head or for a last event that no longer matches it.
      if (!this.signer.headMacValid(head.seq, head.hash, head.mac)) {
        throw new AuditIntegrityError(
          `audit head (event ${head.seq}) is not signed by this instance; run verify`,
        );
      }
      const last = await tx.db
        .selectFrom('audit_events')
        .select('hash')
        .where('seq', '=', head.seq)
        .executeTakeFirst();
      if (last?.hash !== head.hash) {
        throw new AuditIntegrityError(`audit event ${head.seq} does not match the signed head; run verify`);
      }
      const at = iso(this.clock.now());
      await tx.db
        .insertInto('audit_checkpoints')
        .values({
          seq: head.seq,
          hash: head.hash,
          at,
          mac: this.signer.checkpointMac(head.seq, head.hash, at),
        })
        .onConflict((oc) => oc.column('seq').doNothing()) // nothing appended since the last checkpoint
        .execute();
      return { seq: head.seq, hash: head.hash };
    });
  }

  /** Recomputes the whole chain (streamed page by page) and checks it against head and checkpoints. */
  async verify(): Promise<AuditVerification> {
    return verifyChain(this.db.read, this.signer, VERIFY_PAGE);
  }

  /** Events in seq order after `afterSeq`, for the admin view (page with the last seq returned). */
  async list(options: { afterSeq?: number; limit: number }): Promise<AuditEntry[]> {
    const limit = Math.max(1, Math.min(LIST_MAX, Math.trunc(options.limit)));
    const rows = await this.db.read
      .selectFrom('audit_events')
      .select(['seq', 'at', 'actor', 'action', 'target', 'details', 'hash'])
      .where('seq', '>', options.afterSeq ?? 0)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...row, details: parseDetails(row.details) }));
  }

  /** The head row, locked for this transaction on PostgreSQL; created at the very first append. */
  private async lockHead(tx: Tx): Promise<Head> {
    let head = await this.selectHead(tx);
    if (!head) {
      // Two first appends can both get here: ON CONFLICT lets one create the row; the other waits on
      // that insert, does nothing, and then queues on the row lock like any later append.
      await tx.db
        .insertInto('audit_head')
        .values({ id: 1, seq: 0, hash: GENESIS_HASH, mac: this.signer.headMac(0, GENESIS_HASH) })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      head = await this.selectHead(tx);
      if (!head) throw new Error('audit head row could not be created');
    }
    // Checked under the lock: a genesis head over existing history means the head was deleted or put
    // back to genesis (a genuine signed value anyone can copy), not that the log is new.
    if (head.seq === 0) await this.refuseRestartOverHistory(tx);
    return head;
  }

  private selectHead(tx: Tx): Promise<Head | undefined> {
    // SQLite has no FOR UPDATE; its single write connection already runs one transaction at a time.
    return tx.db
      .selectFrom('audit_head')
      .select(['seq', 'hash', 'mac'])
      .where('id', '=', 1)
      .$if(tx.dialect === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
  }

  /** Starting a new chain over old events or checkpoints would hide that the old head was removed. */
  private async refuseRestartOverHistory(tx: Tx): Promise<void> {
    const event = await tx.db.selectFrom('audit_events').select('seq').limit(1).executeTakeFirst();
    const checkpoint = await tx.db.selectFrom('audit_checkpoints').select('seq').limit(1).executeTakeFirst();
    if (event || checkpoint) {
      throw new AuditIntegrityError('audit head is missing but the log has history; run verify');
    }
  }
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // fall through: a tampered row still shows up in the admin view, flagged rather than hidden
  }
  return { unreadable: text };
}
