import type { MailPrecheck, MailPrecheckRequest } from '@liaison/core/api/usage';
import type { z } from 'zod';
import type { Deps } from '../deps.ts';
import { checkedPatients, evaluateBulk, limitsView, senderLimits } from './bulk.ts';
import { requireNoticeSender } from '../notices/rules.ts';
import { resolveSenderMailbox } from './resolve.ts';

/**
 * "Would this message be held?", asked while the person types (compose) or before sealing (CLI).
 * Nothing is stored. The limits and the evaluation are the submission's own (bulk.ts); only the
 * recipients differ: they may not be valid yet, so an address that matches no mailbox still counts
 * (the warning appears as the list grows), once, by its address.
 */
export async function precheck(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  userId: string,
  input: z.output<typeof MailPrecheckRequest>,
): Promise<MailPrecheck> {
  const db = deps.db.read;
  const now = deps.clock.now();
  const sender = await resolveSenderMailbox(db, input.from, userId, now);
  // A notice from a mailbox that may not send one is refused here already, before anything is sealed
  // (the recipients' rule waits for the submission: they may not be typed in full yet).
  if (input.category === 'notice') await requireNoticeSender(db, sender);
  const patients = checkedPatients(input.category, input.patients);
  const addresses = [...new Set([...input.to, ...input.cc].map((a) => a.trim().toLowerCase()))];
  const known =
    addresses.length === 0
      ? []
      : await db
          .selectFrom('mailboxes')
          .select(['id', 'address'])
          .where('address', 'in', addresses)
          .execute();
  const ids = new Map(known.map((m) => [m.address, m.id]));
  // Past recipients are mailbox ids; an unknown address gets a key no id can equal.
  const recipients = new Set(addresses.map((a) => ids.get(a) ?? `address:${a}`));
  const limits = await senderLimits(db, sender, deps.config.bulk);
  const outcome = await evaluateBulk(db, {
    limits,
    sender: { mailboxId: sender.id, userId },
    category: input.category,
    patients,
    recipients,
    now,
    alwaysCount: true,
  });
  return { trips: outcome.trips, limits: limitsView(limits), hourlyRecipients: outcome.hourlyRecipients };
}
