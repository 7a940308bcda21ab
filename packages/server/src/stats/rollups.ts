import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { dayOf, establishmentFlag, organisationKey } from './sides.ts';

/**
 * The SQL that adds counted messages to the three rollup tables, shared by the incremental path (one
 * message, as it is submitted or released) and the rebuild (every counted message at once). Each table
 * gets one INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE, so both paths compute the same rows by
 * construction and no message is ever looped over in JavaScript.
 */
export type MessageSelection = { messageId: string } | 'all';

const one = sql<number>`1`;
const zero = sql<number>`0`;

/**
 * Counted messages of the selection, with their sender mailbox (sb) and its organisation (so). A held
 * or rejected message is left out here too, so recording one by mistake adds nothing.
 */
function counted(db: Kysely<DB>, selection: MessageSelection) {
  return db
    .selectFrom('mail_messages as m')
    .innerJoin('mailboxes as sb', 'sb.id', 'm.sender_mailbox_id')
    .leftJoin('organisations as so', 'so.id', 'sb.organisation_id')
    .where((eb) => {
      const withheld = eb
        .selectFrom('mail_holds as h')
        .select(one.as('one'))
        .whereRef('h.message_id', '=', 'm.id')
        .where('h.state', '<>', 'released');
      const notWithheld = eb.not(eb.exists(withheld));
      return selection === 'all' ? notWithheld : eb.and([eb('m.id', '=', selection.messageId), notWithheld]);
    });
}

/** Counted messages joined to each recipient mailbox (rb) and its organisation (ro). */
function toRecipients(db: Kysely<DB>, selection: MessageSelection) {
  return counted(db, selection)
    .innerJoin('mail_recipients as r', 'r.message_id', 'm.id')
    .innerJoin('mailboxes as rb', 'rb.id', 'r.mailbox_id')
    .leftJoin('organisations as ro', 'ro.id', 'rb.organisation_id');
}

/** Sent: the sender's organisation, once. Received: each recipient organisation, once per message. */
function orgDaysUpsert(db: Kysely<DB>, selection: MessageSelection) {
  const senders = counted(db, selection).select([
    organisationKey('sb.organisation_id').as('organisation_id'),
    dayOf('m.submitted_at').as('day'),
    one.as('sent'),
    zero.as('received'),
    one.as('exchanged'),
  ]);
  const recipientOrganisations = toRecipients(db, selection)
    .select([
      'm.id as message_id',
      dayOf('m.submitted_at').as('day'),
      organisationKey('sb.organisation_id').as('sender_organisation'),
      organisationKey('rb.organisation_id').as('organisation_id'),
    ])
    .distinct();
  const receivers = db.selectFrom(recipientOrganisations.as('rs')).select([
    'rs.organisation_id',
    'rs.day',
    zero.as('sent'),
    one.as('received'),
    // Sent to itself: already counted as exchanged on the sender row.
    sql<number>`case when rs.organisation_id = rs.sender_organisation then 0 else 1 end`.as('exchanged'),
  ]);
  return db
    .insertInto('stats_org_days')
    .columns(['organisation_id', 'day', 'sent', 'received', 'exchanged'])
    .expression(
      db
        .selectFrom(senders.unionAll(receivers).as('x'))
        .select((eb) => [
          'x.organisation_id',
          'x.day',
          eb.fn.sum<number>('x.sent').as('sent'),
          eb.fn.sum<number>('x.received').as('received'),
          eb.fn.sum<number>('x.exchanged').as('exchanged'),
        ])
        // SQLite reads an upsert's SELECT unambiguously only with a WHERE clause.
        .where(sql<boolean>`true`)
        .groupBy(['x.organisation_id', 'x.day'])
        // Rows locked in key order on PostgreSQL: two transactions never wait on each other crosswise.
        .orderBy('x.organisation_id')
        .orderBy('x.day'),
    )
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'day']).doUpdateSet((eb) => ({
        sent: eb('stats_org_days.sent', '+', eb.ref('excluded.sent')),
        received: eb('stats_org_days.received', '+', eb.ref('excluded.received')),
        exchanged: eb('stats_org_days.exchanged', '+', eb.ref('excluded.exchanged')),
      })),
    );
}

/** The person who sent, through the sender mailbox's organisation; every member of each recipient mailbox. */
function userDaysUpsert(db: Kysely<DB>, selection: MessageSelection) {
  const senders = counted(db, selection).select((eb) => [
    'm.sender_user_id as user_id',
    dayOf('m.submitted_at').as('day'),
    organisationKey('sb.organisation_id').as('organisation_id'),
    establishmentFlag('so.kind').as('establishment'),
    one.as('sent'),
    eb
      .case()
      .when(
        eb.exists(
          eb
            .selectFrom('mail_recipients as r')
            .innerJoin('mailboxes as rb', 'rb.id', 'r.mailbox_id')
            .innerJoin('organisations as ro', 'ro.id', 'rb.organisation_id')
            .select(one.as('one'))
            .whereRef('r.message_id', '=', 'm.id')
            .where(establishmentFlag('ro.kind'), '=', 1),
        ),
      )
      .then(one)
      .else(zero)
      .end()
      .as('sent_to_establishment'),
    zero.as('received'),
    zero.as('received_from_establishment'),
  ]);
  // A person in two recipient mailboxes of one organisation received the message once.
  const recipientPeople = toRecipients(db, selection)
    .innerJoin('mailbox_members as mm', 'mm.mailbox_id', 'r.mailbox_id')
    .select([
      'm.id as message_id',
      'mm.user_id',
      dayOf('m.submitted_at').as('day'),
      organisationKey('rb.organisation_id').as('organisation_id'),
      establishmentFlag('ro.kind').as('establishment'),
      establishmentFlag('so.kind').as('from_establishment'),
    ])
    .distinct();
  const receivers = db
    .selectFrom(recipientPeople.as('rp'))
    .select([
      'rp.user_id',
      'rp.day',
      'rp.organisation_id',
      'rp.establishment',
      zero.as('sent'),
      zero.as('sent_to_establishment'),
      one.as('received'),
      'rp.from_establishment as received_from_establishment',
    ]);
  return db
    .insertInto('stats_user_days')
    .columns([
      'user_id',
      'day',
      'organisation_id',
      'establishment',
      'sent',
      'sent_to_establishment',
      'received',
      'received_from_establishment',
    ])
    .expression(
      db
        .selectFrom(senders.unionAll(receivers).as('x'))
        .select((eb) => [
          'x.user_id',
          'x.day',
          'x.organisation_id',
          eb.fn.max('x.establishment').as('establishment'),
          eb.fn.sum<number>('x.sent').as('sent'),
          eb.fn.sum<number>('x.sent_to_establishment').as('sent_to_establishment'),
          eb.fn.sum<number>('x.received').as('received'),
          eb.fn.sum<number>('x.received_from_establishment').as('received_from_establishment'),
        ])
        .where(sql<boolean>`true`)
        .groupBy(['x.user_id', 'x.day', 'x.organisation_id'])
        .orderBy('x.user_id')
        .orderBy('x.day')
        .orderBy('x.organisation_id'),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'day', 'organisation_id']).doUpdateSet((eb) => ({
        sent: eb('stats_user_days.sent', '+', eb.ref('excluded.sent')),
        sent_to_establishment: eb(
          'stats_user_days.sent_to_establishment',
          '+',
          eb.ref('excluded.sent_to_establishment'),
        ),
        received: eb('stats_user_days.received', '+', eb.ref('excluded.received')),
        received_from_establishment: eb(
          'stats_user_days.received_from_establishment',
          '+',
          eb.ref('excluded.received_from_establishment'),
        ),
      })),
    );
}

/**
 * City-side people (their mailbox outside establishments) and the other organisations they wrote to
 * or heard from, each pair once per message.
 */
function contactDaysUpsert(db: Kysely<DB>, selection: MessageSelection) {
  const wroteTo = toRecipients(db, selection)
    .where(establishmentFlag('so.kind'), '=', 0)
    .where('rb.organisation_id', 'is not', null)
    .where((eb) => eb('rb.organisation_id', '<>', organisationKey('sb.organisation_id')))
    .select([
      'm.id as message_id',
      organisationKey('rb.organisation_id').as('organisation_id'),
      dayOf('m.submitted_at').as('day'),
      'm.sender_user_id as user_id',
    ])
    .distinct();
  const heardFrom = toRecipients(db, selection)
    .innerJoin('mailbox_members as mm', 'mm.mailbox_id', 'r.mailbox_id')
    .where(establishmentFlag('ro.kind'), '=', 0)
    .where('sb.organisation_id', 'is not', null)
    .where((eb) => eb('sb.organisation_id', '<>', organisationKey('rb.organisation_id')))
    .select([
      'm.id as message_id',
      organisationKey('sb.organisation_id').as('organisation_id'),
      dayOf('m.submitted_at').as('day'),
      'mm.user_id',
    ])
    .distinct();
  const contacts = db
    .selectFrom(wroteTo.as('w'))
    .select(['w.organisation_id', 'w.day', 'w.user_id', one.as('sent_to'), zero.as('received_from')])
    .unionAll(
      db
        .selectFrom(heardFrom.as('f'))
        .select(['f.organisation_id', 'f.day', 'f.user_id', zero.as('sent_to'), one.as('received_from')]),
    );
  return db
    .insertInto('stats_contact_days')
    .columns(['organisation_id', 'day', 'user_id', 'sent_to', 'received_from'])
    .expression(
      db
        .selectFrom(contacts.as('x'))
        .select((eb) => [
          'x.organisation_id',
          'x.day',
          'x.user_id',
          eb.fn.sum<number>('x.sent_to').as('sent_to'),
          eb.fn.sum<number>('x.received_from').as('received_from'),
        ])
        .where(sql<boolean>`true`)
        .groupBy(['x.organisation_id', 'x.day', 'x.user_id'])
        .orderBy('x.organisation_id')
        .orderBy('x.day')
        .orderBy('x.user_id'),
    )
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'day', 'user_id']).doUpdateSet((eb) => ({
        sent_to: eb('stats_contact_days.sent_to', '+', eb.ref('excluded.sent_to')),
        received_from: eb('stats_contact_days.received_from', '+', eb.ref('excluded.received_from')),
      })),
    );
}

/** The three upserts, always in this order (the lock order on PostgreSQL). */
export function rollupUpserts(db: Kysely<DB>, selection: MessageSelection) {
  return [orgDaysUpsert(db, selection), userDaysUpsert(db, selection), contactDaysUpsert(db, selection)];
}

/** Adds the selected counted messages to all three rollups. */
export async function addToRollups(db: Kysely<DB>, selection: MessageSelection): Promise<void> {
  for (const upsert of rollupUpserts(db, selection)) await upsert.execute();
}
