import type { Role } from '@liaison/core/api/common';
import type { Reader, Tx } from '../db/index.ts';
import { fail } from '../errors.ts';
import type { UserRow } from '../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

export async function findUserByEmail(db: Reader, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Reader, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Reader, userId: string): Promise<Actor['roles']> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['role', 'organisation_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, organisationId: r.organisation_id }));
}

export async function actorFor(db: Reader, userId: string): Promise<Actor> {
  return { userId, roles: await rolesOf(db, userId) };
}

export async function platformAdminExists(db: Reader): Promise<boolean> {
  const row = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.id')
    .where('user_roles.role', '=', 'platform_admin')
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewUserFields {
  email: string;
  firstName: string;
  lastName: string;
  status: UserRow['status'];
  passwordHash: string | null;
  role: Role;
  organisationId?: string | null | undefined;
  nationalIdKind?: UserRow['national_id_kind'];
  nationalId?: string | null;
  profession?: string | null | undefined;
  specialty?: string | null | undefined;
}

/** The one way a user row and its role come to exist (registration, setup, console). */
export async function insertUser(tx: Tx, fields: NewUserFields, now: string): Promise<string> {
  const id = crypto.randomUUID();
  await tx.db
    .insertInto('users')
    .values({
      id,
      email: fields.email,
      first_name: fields.firstName,
      last_name: fields.lastName,
      status: fields.status,
      password_hash: fields.passwordHash,
      national_id_kind: fields.nationalIdKind ?? null,
      national_id: fields.nationalId ?? null,
      profession: fields.profession ?? null,
      specialty: fields.specialty ?? null,
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await tx.db
    .insertInto('user_roles')
    .values({
      id: crypto.randomUUID(),
      user_id: id,
      role: fields.role,
      organisation_id: fields.organisationId ?? null,
    })
    .execute();
  return id;
}

export async function refuseTakenEmail(tx: Tx, email: string): Promise<void> {
  if (await tx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())
    fail('EMAIL_TAKEN');
}

export async function requireOrganisation(tx: Tx, id: string): Promise<void> {
  const org = await tx.db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
  if (!org) fail('ORGANISATION_NOT_FOUND');
}
