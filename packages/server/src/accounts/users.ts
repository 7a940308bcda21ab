import type { CreateUserRequest, Me } from '@liaison/core/api/accounts';
import type { z } from 'zod';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { auditActor, requireOrganisationAdmin, requireRole, type Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { currentCharterVersion } from '../charter/current.ts';
import { listMailboxesOf } from '../mailboxes/store.ts';
import { createPersonalMailbox } from './mailboxAddress.ts';
import { findUser, insertUser, refuseTakenEmail, requireOrganisation, rolesOf } from './userStore.ts';

/** Accounts made directly by a platform admin or at the console: already verified, active at once. */
export class UserService {
  constructor(private readonly deps: Deps) {}

  async create(actor: Actor, input: z.output<typeof CreateUserRequest>): Promise<string> {
    requireRole(actor, 'platform_admin');
    if (input.role === 'establishment_admin' && !input.organisationId) {
      fail('VALIDATION_FAILED', 'An establishment admin belongs to an establishment.', {
        field: 'organisationId',
      });
    }
    if (input.organisationId) requireOrganisationAdmin(actor, input.organisationId);
    const hash = await hashPassword(input.password);
    return this.deps.db.transaction(async (tx) => {
      const now = iso(this.deps.clock.now());
      await refuseTakenEmail(tx, input.email);
      if (input.organisationId) await requireOrganisation(tx, input.organisationId);
      const id = await insertUser(
        tx,
        {
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          status: 'active',
          passwordHash: hash,
          role: input.role,
          organisationId: input.organisationId,
        },
        now,
      );
      if (input.role === 'professional' || input.role === 'secretary') {
        // Created already verified, so they get their personal mailbox now, as an approval would give.
        await createPersonalMailbox(
          tx,
          { id, first_name: input.firstName, last_name: input.lastName },
          input.organisationId ?? null,
          this.deps.config.mailDomain,
          now,
        );
      }
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'user.created',
        target: id,
        details: { role: input.role, organisationId: input.organisationId ?? null },
      });
      return id;
    });
  }

  async me(userId: string): Promise<Me> {
    const db = this.deps.db.read;
    const user = await findUser(db, userId);
    if (!user) fail('USER_NOT_FOUND');
    const roles = await rolesOf(db, userId);
    const orgIds = [...new Set(roles.map((r) => r.organisationId).filter((id): id is string => id !== null))];
    const orgs =
      orgIds.length === 0
        ? []
        : await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute();
    const charter = await db
      .selectFrom('charter_acceptances')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const charterCurrentVersion = await currentCharterVersion(db);
    return {
      id: user.id,
      email: user.email,
      firstName: user.first_name,
      lastName: user.last_name,
      status: user.status,
      roles: [...roles],
      nationalIdKind: user.national_id_kind,
      nationalId: user.national_id,
      profession: user.profession,
      specialty: user.specialty,
      totpEnabled: user.totp_enabled === 1,
      memberships: roles
        .filter((r) => r.organisationId !== null)
        .map((r) => ({
          organisationId: r.organisationId!,
          organisationName: orgs.find((o) => o.id === r.organisationId)?.name ?? '',
          role: r.role,
        })),
      mailboxes: await listMailboxesOf(db, userId),
      charterVersion: charter?.version ?? null,
      charterAcceptedAt: charter?.accepted_at ?? null,
      charterCurrentVersion,
    };
  }

  /** True while the user has not accepted the charter in force (they are asked again at login). */
  async needsCharter(userId: string): Promise<boolean> {
    const db = this.deps.db.read;
    const row = await db
      .selectFrom('charter_acceptances')
      .select('version')
      .where('user_id', '=', userId)
      .where('version', '=', await currentCharterVersion(db))
      .executeTakeFirst();
    return row === undefined;
  }
}
