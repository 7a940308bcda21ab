import type { CreateMailboxRequest, Mailbox } from '@liaison/core/api/accounts';
import { isNoReplyAddress } from '@liaison/core/policy/noReply';
import type { z } from 'zod';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { auditActor, requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import { requireOrganisation } from '../accounts/userStore.ts';
import { addMembership, listMailboxesOf } from './store.ts';

/** Mailbox addresses: the one place that decides whether an address may exist. */
export class MailboxService {
  constructor(private readonly deps: Deps) {}

  /** Refuses no-reply style and foreign-domain addresses; shared by every way a mailbox is made. */
  checkAddress(address: string): void {
    if (isNoReplyAddress(address)) fail('NO_REPLY_FORBIDDEN', undefined, { address, charterArticle: 4 });
    const domain = address.split('@')[1];
    if (domain !== this.deps.config.mailDomain) {
      fail(
        'VALIDATION_FAILED',
        `Mailbox addresses on this instance end in @${this.deps.config.mailDomain}.`,
        {
          field: 'address',
        },
      );
    }
  }

  async create(actor: Actor, input: z.output<typeof CreateMailboxRequest>): Promise<Mailbox> {
    if (input.kind === 'PER') requireRole(actor, 'platform_admin');
    if (input.kind !== 'PER' && !input.organisationId) {
      fail('VALIDATION_FAILED', 'A shared mailbox (ORG, APP, CAB) belongs to an establishment.', {
        field: 'organisationId',
      });
    }
    if (input.organisationId) requireOrganisationAdmin(actor, input.organisationId);
    this.checkAddress(input.address);
    const id = crypto.randomUUID();
    await this.deps.db.transaction(async (tx) => {
      if (
        await tx.db
          .selectFrom('mailboxes')
          .select('id')
          .where('address', '=', input.address)
          .executeTakeFirst()
      ) {
        fail('ADDRESS_TAKEN');
      }
      if (input.organisationId) await requireOrganisation(tx, input.organisationId);
      const now = iso(this.deps.clock.now());
      await tx.db
        .insertInto('mailboxes')
        .values({
          id,
          address: input.address,
          kind: input.kind,
          organisation_id: input.organisationId ?? null,
          accepts_attachments: input.acceptsAttachments ? 1 : 0,
          created_at: now,
        })
        .execute();
      if (!actor.console) await addMembership(tx, id, actor.userId, 'owner', now);
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'mailbox.created',
        target: id,
        details: { kind: input.kind, organisationId: input.organisationId ?? null },
      });
    });
    return {
      id,
      address: input.address,
      kind: input.kind,
      organisationId: input.organisationId ?? null,
      acceptsAttachments: input.acceptsAttachments,
      ...(actor.console ? {} : { access: 'owner' as const }),
    };
  }

  listMine(actor: Actor): Promise<Mailbox[]> {
    return listMailboxesOf(this.deps.db.read, actor.userId);
  }
}
