import type { Role } from '@liaison/core/api/common';
import type { Reader } from '../db/index.ts';
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
