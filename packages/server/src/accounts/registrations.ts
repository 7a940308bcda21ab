import { referenceChecks } from '../directory/referenceChecks.ts';
import type { Registration, RegistrationRequest } from '@liaison/core/api/accounts';
import type { z } from 'zod';
import { iso } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import { adminOf, auditActor, hasRole, requireRole, type Actor } from '../auth/actor.ts';
import { requireVersionInForce } from '../charter/current.ts';
import type { Reader, Tx } from '../db/index.ts';
import { validateIdentity } from './identity.ts';
import { createPersonalMailbox } from './mailboxAddress.ts';
import { insertUser, refuseTakenEmail, requireOrganisation } from './userStore.ts';
import type { ActivationService } from './activation.ts';

type RegistrationInput = z.output<typeof RegistrationRequest>;

/** Registration → technician decision. Nothing a pending person does is usable before approval. */
export class RegistrationService {
  constructor(
    private readonly deps: Deps,
    private readonly activation: ActivationService,
  ) {}

  /** `actor` is null for a person registering themselves, or the establishment admin registering staff. */
  async submit(input: RegistrationInput, actor: Actor | null): Promise<Registration> {
    await requireVersionInForce(this.deps.db.read, input.charterVersion);
    const forStaff = actor !== null && !hasRole(actor, 'platform_admin', 'technician');
    if (forStaff) {
      if (!input.organisationId || !adminOf(actor).includes(input.organisationId))
        fail('OUTSIDE_ESTABLISHMENT');
    } else if (actor === null && !input.password) {
      fail('VALIDATION_FAILED', 'Choose a password.', { field: 'password' });
    }
    if (input.role === 'establishment_admin' && !input.organisationId) {
      fail('VALIDATION_FAILED', 'An establishment admin must name their establishment.', {
        field: 'organisationId',
      });
    }
    const { nationalId } = validateIdentity(input);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const now = iso(this.deps.clock.now());
    const id = await this.deps.db.transaction(async (tx) => {
      await this.refuseDuplicates(tx, input.email, nationalId);
      if (input.organisationId) await requireOrganisation(tx, input.organisationId);
      const userId = await insertUser(
        tx,
        {
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          status: 'pending',
          passwordHash,
          role: input.role,
          organisationId: input.organisationId,
          nationalIdKind: nationalId ? (input.nationalIdKind ?? null) : null,
          nationalId,
          profession: input.profession,
          specialty: input.specialty,
        },
        now,
      );
      if (!forStaff) {
        await tx.db
          .insertInto('charter_acceptances')
          .values({ user_id: userId, version: input.charterVersion, accepted_at: now })
          .execute();
      }
      const registrationId = crypto.randomUUID();
      await tx.db
        .insertInto('registrations')
        .values({
          id: registrationId,
          user_id: userId,
          status: 'pending',
          submitted_at: now,
          submitted_by: actor ? auditActor(actor) : null,
          decided_at: null,
          decided_by: null,
          reason: null,
        })
        .execute();
      await this.deps.audit.append(tx, {
        actor: actor ? auditActor(actor) : userId,
        action: 'registration.submitted',
        target: userId,
        details: { registrationId, role: input.role, organisationId: input.organisationId ?? null },
      });
      return registrationId;
    });
    return this.get(id);
  }

  async list(actor: Actor, status: 'pending' | 'approved' | 'rejected'): Promise<Registration[]> {
    requireRole(actor, 'technician', 'platform_admin');
    const rows = await registrationQuery(this.deps.db.read)
      .where('registrations.status', '=', status)
      .orderBy('registrations.submitted_at', 'asc')
      .limit(500)
      .execute();
    return Promise.all(rows.map((row) => this.withChecks(toRegistration(row))));
  }

  /** The national reference's view of the identity: pending ones are what a technician decides on. */
  private async withChecks(registration: Registration): Promise<Registration> {
    if (registration.status !== 'pending') return registration;
    const checks = await referenceChecks(this.deps.db.read, registration);
    return { ...registration, checks };
  }

  async get(id: string): Promise<Registration> {
    const row = await registrationQuery(this.deps.db.read)
      .where('registrations.id', '=', id)
      .executeTakeFirst();
    if (!row) fail('REGISTRATION_NOT_FOUND');
    return this.withChecks(toRegistration(row));
  }

  async approve(actor: Actor, id: string): Promise<Registration> {
    requireRole(actor, 'technician', 'platform_admin');
    await this.deps.db.transaction(async (tx) => {
      const reg = await this.decide(tx, actor, id, 'approved', null);
      const user = await tx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', reg.user_id)
        .executeTakeFirstOrThrow();
      await tx.db
        .updateTable('users')
        .set({ status: 'active', updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', user.id)
        .execute();
      const role = await tx.db
        .selectFrom('user_roles')
        .select(['role', 'organisation_id'])
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (role?.role === 'professional' || role?.role === 'secretary') {
        const mailboxId = await createPersonalMailbox(
          tx,
          user,
          role.organisation_id,
          this.deps.config.mailDomain,
          iso(this.deps.clock.now()),
        );
        await this.deps.audit.append(tx, {
          actor: auditActor(actor),
          action: 'mailbox.created',
          target: mailboxId,
          details: { kind: 'PER' },
        });
      }
      if (!user.password_hash) await this.activation.issue(tx, user.id);
      tx.onCommit(() => this.deps.bus.publish('accounts.approved', { userId: user.id }));
    });
    return this.get(id);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<Registration> {
    requireRole(actor, 'technician', 'platform_admin');
    await this.deps.db.transaction(async (tx) => {
      const reg = await this.decide(tx, actor, id, 'rejected', reason);
      await tx.db
        .updateTable('users')
        .set({ status: 'rejected', updated_at: iso(this.deps.clock.now()) })
        .where('id', '=', reg.user_id)
        .execute();
    });
    return this.get(id);
  }

  private async decide(
    tx: Tx,
    actor: Actor,
    id: string,
    status: 'approved' | 'rejected',
    reason: string | null,
  ) {
    const reg = await tx.db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!reg) fail('REGISTRATION_NOT_FOUND');
    if (reg.status !== 'pending') fail('ALREADY_DECIDED');
    await tx.db
      .updateTable('registrations')
      .set({ status, reason, decided_at: iso(this.deps.clock.now()), decided_by: auditActor(actor) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await this.deps.audit.append(tx, {
      actor: auditActor(actor),
      action: `registration.${status}`,
      target: reg.user_id,
      details: { registrationId: id, ...(reason ? { reason } : {}) },
    });
    return reg;
  }

  private async refuseDuplicates(tx: Tx, email: string, nationalId: string | null): Promise<void> {
    await refuseTakenEmail(tx, email);
    if (nationalId) {
      const byId = await tx.db
        .selectFrom('users')
        .select('id')
        .where('national_id', '=', nationalId)
        .executeTakeFirst();
      if (byId) fail('NATIONAL_ID_TAKEN');
    }
  }
}

function registrationQuery(db: Reader) {
  return db
    .selectFrom('registrations')
    .innerJoin('users', 'users.id', 'registrations.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .leftJoin('organisations', 'organisations.id', 'user_roles.organisation_id')
    .select([
      'registrations.id',
      'registrations.user_id',
      'registrations.status',
      'registrations.submitted_at',
      'registrations.submitted_by',
      'registrations.decided_at',
      'registrations.reason',
      'users.email',
      'users.first_name',
      'users.last_name',
      'users.national_id_kind',
      'users.national_id',
      'users.profession',
      'users.specialty',
      'user_roles.role',
      'user_roles.organisation_id',
      'organisations.name as organisation_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof registrationQuery>['executeTakeFirstOrThrow']>>;

function toRegistration(r: Row): Registration {
  return {
    id: r.id,
    userId: r.user_id,
    status: r.status,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    role: (r.role ?? 'professional') as Registration['role'],
    nationalIdKind: r.national_id_kind,
    nationalId: r.national_id,
    profession: r.profession,
    specialty: r.specialty,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    decidedAt: r.decided_at,
    reason: r.reason,
    checks: [],
  };
}
