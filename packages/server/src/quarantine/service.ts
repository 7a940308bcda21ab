import type {
  QuarantineDecision,
  QuarantineItem,
  QuarantineList,
  QuarantineQuery,
  SenderLimit,
} from '@liaison/core/api/usage';
import type { z } from 'zod';
import { requireRole, type Actor } from '../auth/actor.ts';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { decideHold, type Decision } from './decide.ts';
import { heldItem, heldPage, holdCounts } from './items.ts';
import { findLimit, listLimits, removeLimit, requireMailbox, saveLimit, type LimitInput } from './limits.ts';

/**
 * Held messages and sender limits, for technicians (and platform admins): the review side of the
 * bulk-mail rules (charter article 5). Everything here is metadata; a held letter stays sealed for its
 * recipients and nobody on the platform can read it.
 */
export class QuarantineService {
  constructor(private readonly deps: Deps) {}

  async list(actor: Actor, query: z.output<typeof QuarantineQuery>): Promise<QuarantineList> {
    requireStaff(actor);
    const db = this.deps.db.read;
    const page = await heldPage(db, query, this.deps.clock.now());
    return { ...page, counts: await holdCounts(db) };
  }

  async item(actor: Actor, messageId: string): Promise<QuarantineItem> {
    requireStaff(actor);
    return this.requireItem(messageId);
  }

  /** Delivers the held message to every recipient, as if just sent; the note, if any, to the sender. */
  release(
    actor: Actor,
    messageId: string,
    decision: z.output<typeof QuarantineDecision>,
  ): Promise<QuarantineItem> {
    requireStaff(actor);
    return this.decide(actor, messageId, 'released', nonEmpty(decision.reason));
  }

  /** Never delivered; the sender reads the reason, which is therefore required. */
  reject(
    actor: Actor,
    messageId: string,
    decision: z.output<typeof QuarantineDecision>,
  ): Promise<QuarantineItem> {
    requireStaff(actor);
    const reason = nonEmpty(decision.reason);
    if (reason === null) fail('REJECT_REASON_REQUIRED');
    return this.decide(actor, messageId, 'rejected', reason);
  }

  private async decide(
    actor: Actor,
    messageId: string,
    state: Decision,
    reason: string | null,
  ): Promise<QuarantineItem> {
    const now = this.deps.clock.now();
    await this.deps.db.transaction((tx) =>
      decideHold(tx, this.deps, { messageId, state, actorId: actor.userId, reason, now }),
    );
    // Metadata only: which message, which outcome; never the reason's words (the sender's business).
    this.deps.logger.info({ messageId, decision: state }, 'held mail decided');
    return this.requireItem(messageId);
  }

  private async requireItem(messageId: string): Promise<QuarantineItem> {
    const item = await heldItem(this.deps.db.read, messageId, this.deps.clock.now());
    if (!item) fail('HOLD_NOT_FOUND');
    return item;
  }

  async limits(actor: Actor): Promise<SenderLimit[]> {
    requireStaff(actor);
    return listLimits(this.deps.db.read, this.deps.config.bulk);
  }

  async limit(actor: Actor, address: string): Promise<SenderLimit> {
    requireStaff(actor);
    const mailbox = await requireMailbox(this.deps.db.read, address);
    return findLimit(this.deps.db.read, mailbox, this.deps.config.bulk);
  }

  async setLimit(actor: Actor, address: string, input: LimitInput): Promise<SenderLimit> {
    requireStaff(actor);
    const mailbox = await requireMailbox(this.deps.db.read, address);
    await this.deps.db.transaction(async (tx) => {
      await saveLimit(tx, mailbox.id, input, { userId: actor.userId, at: iso(this.deps.clock.now()) });
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mail.sender_limit.set',
        target: mailbox.address,
        details: {
          messageRecipients: input.messageRecipients,
          hourlyRecipients: input.hourlyRecipients,
          hourlyExempt: input.hourlyExempt,
        },
      });
    });
    return findLimit(this.deps.db.read, mailbox, this.deps.config.bulk);
  }

  /** Back to the server's defaults for this sender. */
  async removeLimit(actor: Actor, address: string): Promise<void> {
    requireStaff(actor);
    const mailbox = await requireMailbox(this.deps.db.read, address);
    await this.deps.db.transaction(async (tx) => {
      if (!(await removeLimit(tx, mailbox.id))) return;
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mail.sender_limit.removed',
        target: mailbox.address,
      });
    });
  }
}

function requireStaff(actor: Actor): void {
  requireRole(actor, 'technician', 'platform_admin');
}

function nonEmpty(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
