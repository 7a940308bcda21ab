/**
 * Table rows of the synthetic population, shaped by the server's own table types (db/schema.ts), so a
 * column added or renamed there fails the bench's type check instead of its run.
 */
import type { Insertable } from 'kysely';
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';
import type { Calendar } from './calendar.ts';
import { HOUR_MS } from './calendar.ts';
import { seededUuid } from './sample.ts';
import type { World } from './world.ts';

/** Tables the generator fills, parents before children (foreign keys are checked on both backends). */
export const TABLE_ORDER = [
  'organisations',
  'users',
  'user_roles',
  'mailboxes',
  'mailbox_members',
  'mailbox_membership_log',
  'mail_messages',
  'mail_recipients',
  'mail_holds',
] as const;
export type TableName = (typeof TABLE_ORDER)[number];
export type Rows = { [T in TableName]?: Array<Insertable<DB[T]>> };

export function worldRows(world: World, calendar: Calendar, rng: Rng): Rows {
  // Joins happen in office hours.
  const when = (day: number) => calendar.at(day, 7 * HOUR_MS + Math.floor(rng() * 11 * HOUR_MS));
  const rows = {
    organisations: world.orgs.map((o) => {
      const at = when(o.createdDay);
      return {
        id: o.id,
        kind: o.kind,
        name: o.name,
        group_name: null,
        finess: o.finess,
        address_line1: null,
        address_line2: null,
        postal_code: null,
        city: null,
        file_number: null,
        beds: o.beds,
        admin_referent: null,
        it_head: null,
        phone: null,
        mobile_phone: null,
        alert_mailbox: null,
        created_at: at,
        updated_at: at,
      };
    }),
    users: world.people.map((p, i) => {
      const at = when(p.createdDay);
      return {
        id: p.id,
        email: `user${i}@people.${world.domain}`,
        first_name: p.firstName,
        last_name: p.lastName,
        status: 'active' as const,
        password_hash: null,
        national_id_kind: p.rpps === null ? null : ('rpps' as const),
        national_id: p.rpps,
        profession: p.profession,
        specialty: p.specialty,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      };
    }),
    user_roles: world.people.map((p) => ({
      id: seededUuid(rng),
      user_id: p.id,
      role: p.role,
      organisation_id: p.org === null ? null : world.orgs[p.org]!.id,
    })),
    mailboxes: world.mailboxes.map((m) => ({
      id: m.id,
      address: m.address,
      kind: m.kind,
      organisation_id: m.org === null ? null : world.orgs[m.org]!.id,
      accepts_attachments: 1,
      created_at: when(m.createdDay),
    })),
    mailbox_members: [] as Array<Insertable<DB['mailbox_members']>>,
    mailbox_membership_log: [] as Array<Insertable<DB['mailbox_membership_log']>>,
  } satisfies Rows;
  for (const m of world.mailboxes) {
    m.members.forEach((person, k) => {
      const at = when(m.memberDays[k]!);
      const access = k === 0 ? ('owner' as const) : ('delegate' as const);
      const user_id = world.people[person]!.id;
      rows.mailbox_members.push({ mailbox_id: m.id, user_id, access, created_at: at });
      rows.mailbox_membership_log.push({
        id: seededUuid(rng),
        mailbox_id: m.id,
        user_id,
        access,
        added_at: at,
        removed_at: null,
      });
    });
  }
  return rows;
}
