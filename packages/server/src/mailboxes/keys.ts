import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/index.ts';
import { normaliseSerial } from '../pki/x509.ts';
import { envelopeRecipientSerials } from './envelope.ts';
import { addMembership, endMembership } from './store.ts';

export interface Wrap {
  userId: string;
  /** CMS EnvelopedData (base64 DER) of the mailbox private key, to that member's encryption certificate. */
  envelope: string;
}

export interface MailboxKeyForMember {
  keyId: string;
  version: number;
  certificateSerial: string;
  envelope: string;
  createdAt: string;
}

export interface MailboxMember {
  userId: string;
  firstName: string;
  lastName: string;
  access: 'owner' | 'delegate';
  /** Key versions this member cannot open yet (an owner must wrap them). */
  missingWraps: number[];
}

/**
 * Keys of shared mailboxes (ORG, APP, CAB). A member's device makes the key pair, gets its certificate
 * from the CA, and wraps the private key to every member's personal encryption certificate; the server
 * stores the envelopes, checks each is addressed to the right member, and hands each member theirs.
 * Removing a member deletes their envelopes and asks for a new key version; older versions stay
 * readable by the members who remain.
 */
export class MailboxKeyService {
  constructor(private readonly deps: Deps) {}

  /** A new key version, wrapped for exactly the current members. */
  async addVersion(
    actor: Actor,
    mailboxId: string,
    certificateSerial: string,
    wraps: Wrap[],
  ): Promise<MailboxKeyForMember> {
    const serial = normaliseSerial(certificateSerial);
    const keyId = await this.deps.db.transaction(async (tx) => {
      await this.requireAccess(mailboxId, actor.userId, 'owner');
      const cert = await tx.db
        .selectFrom('pki_certificates')
        .select(['serial'])
        .where('serial', '=', serial)
        .where('mailbox_id', '=', mailboxId)
        .where('usage', '=', 'encryption')
        .where('state', '=', 'active')
        .executeTakeFirst();
      if (!cert) fail('CERT_NOT_FOUND', "This is not the mailbox's current encryption certificate.");
      const members = await this.memberIds(tx, mailboxId);
      const wrapped = new Set(wraps.map((w) => w.userId));
      if (
        wrapped.size !== wraps.length ||
        members.length !== wrapped.size ||
        members.some((m) => !wrapped.has(m))
      ) {
        fail('WRAPS_INCOMPLETE', undefined, { members });
      }
      await this.checkWraps(tx, wraps);
      const last = await tx.db
        .selectFrom('mailbox_keys')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('mailbox_id', '=', mailboxId)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const id = crypto.randomUUID();
      const now = iso(this.deps.clock.now());
      await tx.db
        .insertInto('mailbox_keys')
        .values({
          id,
          mailbox_id: mailboxId,
          version,
          certificate_serial: serial,
          created_at: now,
          created_by: actor.userId,
        })
        .execute();
      await tx.db
        .insertInto('mailbox_key_wraps')
        .values(
          wraps.map((w) => ({
            mailbox_key_id: id,
            user_id: w.userId,
            envelope: w.envelope,
            created_at: now,
          })),
        )
        .execute();
      await tx.db
        .updateTable('mailboxes')
        .set({ rotation_required: 0 })
        .where('id', '=', mailboxId)
        .execute();
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mailbox.key_version_added',
        target: mailboxId,
        details: { version, certificateSerial: serial, members: members.length },
      });
      return id;
    });
    const mine = await this.keysFor(actor, mailboxId);
    return mine.find((k) => k.keyId === keyId)!;
  }

  /** Envelopes of existing versions for members who lack them (a delegate just added). */
  async addWraps(actor: Actor, mailboxId: string, keyId: string, wraps: Wrap[]): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await this.requireAccess(mailboxId, actor.userId, 'owner');
      const key = await tx.db
        .selectFrom('mailbox_keys')
        .select('id')
        .where('id', '=', keyId)
        .where('mailbox_id', '=', mailboxId)
        .executeTakeFirst();
      if (!key) fail('NOT_FOUND', 'No such key version for this mailbox.');
      const members = new Set(await this.memberIds(tx, mailboxId));
      if (wraps.some((w) => !members.has(w.userId)))
        fail('WRAPS_INCOMPLETE', 'Key wraps are only for current members.');
      await this.checkWraps(tx, wraps);
      const now = iso(this.deps.clock.now());
      for (const w of wraps) {
        await tx.db
          .insertInto('mailbox_key_wraps')
          .values({ mailbox_key_id: keyId, user_id: w.userId, envelope: w.envelope, created_at: now })
          .onConflict((oc) =>
            oc.columns(['mailbox_key_id', 'user_id']).doUpdateSet({ envelope: w.envelope, created_at: now }),
          )
          .execute();
      }
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mailbox.key_wrapped',
        target: mailboxId,
        details: { keyId, members: wraps.map((w) => w.userId) },
      });
    });
  }

  /** Every key version the caller can open, oldest first (old mail stays readable). */
  async keysFor(actor: Actor, mailboxId: string): Promise<MailboxKeyForMember[]> {
    await this.requireAccess(mailboxId, actor.userId, 'delegate');
    const rows = await this.deps.db.read
      .selectFrom('mailbox_keys')
      .innerJoin('mailbox_key_wraps', 'mailbox_key_wraps.mailbox_key_id', 'mailbox_keys.id')
      .select([
        'mailbox_keys.id',
        'mailbox_keys.version',
        'mailbox_keys.certificate_serial',
        'mailbox_keys.created_at',
        'mailbox_key_wraps.envelope',
      ])
      .where('mailbox_keys.mailbox_id', '=', mailboxId)
      .where('mailbox_key_wraps.user_id', '=', actor.userId)
      .orderBy('mailbox_keys.version')
      .execute();
    return rows.map((r) => ({
      keyId: r.id,
      version: r.version,
      certificateSerial: r.certificate_serial,
      envelope: r.envelope,
      createdAt: r.created_at,
    }));
  }

  async members(
    actor: Actor,
    mailboxId: string,
  ): Promise<{ rotationRequired: boolean; members: MailboxMember[] }> {
    const db = this.deps.db.read;
    await this.requireAccess(mailboxId, actor.userId, 'delegate');
    const mailbox = await db
      .selectFrom('mailboxes')
      .select('rotation_required')
      .where('id', '=', mailboxId)
      .executeTakeFirstOrThrow();
    const people = await db
      .selectFrom('mailbox_members')
      .innerJoin('users', 'users.id', 'mailbox_members.user_id')
      .select(['users.id', 'users.first_name', 'users.last_name', 'mailbox_members.access'])
      .where('mailbox_members.mailbox_id', '=', mailboxId)
      .orderBy('users.last_name')
      .execute();
    const versions = await db
      .selectFrom('mailbox_keys')
      .select(['id', 'version'])
      .where('mailbox_id', '=', mailboxId)
      .execute();
    const wraps = await db
      .selectFrom('mailbox_key_wraps')
      .select(['mailbox_key_id', 'user_id'])
      .where('mailbox_key_id', 'in', versions.length ? versions.map((v) => v.id) : ['-'])
      .execute();
    return {
      rotationRequired: mailbox.rotation_required === 1,
      members: people.map((p) => ({
        userId: p.id,
        firstName: p.first_name,
        lastName: p.last_name,
        access: p.access,
        missingWraps: versions
          .filter((v) => !wraps.some((w) => w.mailbox_key_id === v.id && w.user_id === p.id))
          .map((v) => v.version)
          .sort((a, b) => a - b),
      })),
    };
  }

  /** An owner adds a delegate (or co-owner); an owner's device then wraps the keys for them. */
  async addMember(
    actor: Actor,
    mailboxId: string,
    userId: string,
    access: 'owner' | 'delegate',
  ): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await this.requireAccess(mailboxId, actor.userId, 'owner');
      const user = await tx.db
        .selectFrom('users')
        .select(['id', 'status'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user || user.status !== 'active') fail('USER_NOT_FOUND');
      const existing = await tx.db
        .selectFrom('mailbox_members')
        .select('user_id')
        .where('mailbox_id', '=', mailboxId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (existing) fail('ALREADY_MEMBER');
      await addMembership(tx, mailboxId, userId, access, iso(this.deps.clock.now()));
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mailbox.member_added',
        target: mailboxId,
        details: { userId, access },
      });
    });
  }

  /** The member loses their envelopes now; the mailbox needs a new key version for future mail. */
  async removeMember(actor: Actor, mailboxId: string, userId: string): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await this.requireAccess(mailboxId, actor.userId, 'owner');
      const member = await tx.db
        .selectFrom('mailbox_members')
        .select('access')
        .where('mailbox_id', '=', mailboxId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!member) fail('NOT_A_MEMBER', 'This person is not a member of the mailbox.');
      if (member.access === 'owner') {
        const owners = await tx.db
          .selectFrom('mailbox_members')
          .select('user_id')
          .where('mailbox_id', '=', mailboxId)
          .where('access', '=', 'owner')
          .execute();
        if (owners.length === 1) fail('LAST_OWNER');
      }
      await endMembership(tx, mailboxId, userId, iso(this.deps.clock.now()));
      const keyIds = (
        await tx.db.selectFrom('mailbox_keys').select('id').where('mailbox_id', '=', mailboxId).execute()
      ).map((k) => k.id);
      if (keyIds.length > 0) {
        await tx.db
          .deleteFrom('mailbox_key_wraps')
          .where('user_id', '=', userId)
          .where('mailbox_key_id', 'in', keyIds)
          .execute();
        await tx.db
          .updateTable('mailboxes')
          .set({ rotation_required: 1 })
          .where('id', '=', mailboxId)
          .execute();
      }
      await this.deps.audit.append(tx, {
        actor: actor.userId,
        action: 'mailbox.member_removed',
        target: mailboxId,
        details: { userId },
      });
    });
  }

  /** Reads through the open transaction when there is one (Database.read joins it). */
  private async requireAccess(
    mailboxId: string,
    userId: string,
    needed: 'owner' | 'delegate',
  ): Promise<void> {
    const q = this.deps.db.read;
    const mailbox = await q
      .selectFrom('mailboxes')
      .select(['id', 'kind'])
      .where('id', '=', mailboxId)
      .executeTakeFirst();
    if (!mailbox) fail('MAILBOX_NOT_FOUND');
    const member = await q
      .selectFrom('mailbox_members')
      .select('access')
      .where('mailbox_id', '=', mailboxId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) fail('NOT_A_MEMBER');
    if (needed === 'owner' && member.access !== 'owner')
      fail('FORBIDDEN', 'Only an owner of the mailbox can do this.');
  }

  private async memberIds(tx: Tx, mailboxId: string): Promise<string[]> {
    const rows = await tx.db
      .selectFrom('mailbox_members')
      .select('user_id')
      .where('mailbox_id', '=', mailboxId)
      .execute();
    return rows.map((r) => r.user_id).sort();
  }

  /** Each envelope must be addressed to its member's current personal encryption certificate. */
  private async checkWraps(tx: Tx, wraps: Wrap[]): Promise<void> {
    for (const w of wraps) {
      const cert = await tx.db
        .selectFrom('pki_certificates')
        .select('serial')
        .where('user_id', '=', w.userId)
        .where('mailbox_id', 'is', null)
        .where('usage', '=', 'encryption')
        .where('state', '=', 'active')
        .executeTakeFirst();
      if (!cert) fail('NO_ENCRYPTION_CERTIFICATE', undefined, { userId: w.userId });
      if (!envelopeRecipientSerials(w.envelope).includes(cert.serial)) {
        fail('ENVELOPE_WRONG_RECIPIENT', undefined, { userId: w.userId });
      }
    }
  }
}
