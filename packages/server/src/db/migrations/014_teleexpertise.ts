import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Tele-expertise (issue 9). A service is a department's shared ORG mailbox plus its experts, deadline
 * and accepted forms. Requests are opaque CMS envelopes with routing metadata beside them (service,
 * form, requester, assignee, FHIR Task status, times); every transition is a row of `te_events`, the
 * audited timeline. Availability (weekly slots, absences, capacity) belongs to the expert, whatever
 * the service: capacity counts their open requests everywhere.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema
    .createTable('te_forms')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // The Questionnaire JSON as imported (checked by core importQuestionnaire).
    .addColumn('questionnaire', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_by', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('te_forms_pk', ['url', 'version'])
    .execute();

  await db.schema
    .createTable('te_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // One service per mailbox: the address is the service's.
    .addColumn('mailbox_id', 'text', (c) => c.notNull().unique().references('mailboxes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addColumn('sla_hours', 'integer', (c) => c.notNull())
    .addColumn('accept_timeout_hours', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('te_service_forms')
    .addColumn('service_id', 'text', (c) => c.notNull().references('te_services.id').onDelete('cascade'))
    .addColumn('form_url', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('te_service_forms_pk', ['service_id', 'form_url', 'form_version'])
    .execute();

  await db.schema
    .createTable('te_experts')
    .addColumn('service_id', 'text', (c) => c.notNull().references('te_services.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    // Round-robin: the longest wait since the last assignment in this service goes first (null first).
    .addColumn('last_assigned_at', 'text')
    .addPrimaryKeyConstraint('te_experts_pk', ['service_id', 'user_id'])
    .execute();
  await db.schema.createIndex('te_experts_user').on('te_experts').column('user_id').execute();

  await db.schema
    .createTable('te_availability')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('te_slots')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    // 'HH:MM' local time (the instance's time zone); end is exclusive, '24:00' allowed.
    .addColumn('start', 'text', (c) => c.notNull())
    .addColumn('end', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('te_slots_user').on('te_slots').column('user_id').execute();

  await db.schema
    .createTable('te_absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .execute();
  await db.schema.createIndex('te_absences_user').on('te_absences').columns(['user_id', 'ends_at']).execute();

  await db.schema
    .createTable('te_requests')
    // Chosen by the requester's device: a retry finds the first attempt.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('te_services.id'))
    .addColumn('form_url', 'text', (c) => c.notNull())
    .addColumn('form_version', 'text', (c) => c.notNull())
    .addColumn('requester_user_id', 'text', (c) => c.notNull().references('users.id'))
    // The requester's personal mailbox, where the answer letter goes.
    .addColumn('requester_mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
    .addColumn('follows_request_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('first_accepted_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('sla_ms', 'bigint', (c) => c.notNull())
    // created_at + sla_ms + time spent on hold so far.
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answer_message_id', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('envelope', bytes, (c) => c.notNull())
    .addColumn('answer_envelope', bytes)
    .execute();
  await db.schema
    .createIndex('te_requests_service')
    .on('te_requests')
    .columns(['service_id', 'status'])
    .execute();
  await db.schema
    .createIndex('te_requests_assignee')
    .on('te_requests')
    .columns(['assignee_user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('te_requests_requester')
    .on('te_requests')
    .column('requester_user_id')
    .execute();

  // Experts a request may not go back to: who declined it, or was skipped for not accepting in time.
  await db.schema
    .createTable('te_declines')
    .addColumn('request_id', 'text', (c) => c.notNull().references('te_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('te_declines_pk', ['request_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('te_events')
    .addColumn('request_id', 'text', (c) => c.notNull().references('te_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expert_user_id', 'text')
    // A question or information note, encrypted like the request.
    .addColumn('envelope', bytes)
    .addPrimaryKeyConstraint('te_events_pk', ['request_id', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'te_events',
    'te_declines',
    'te_requests',
    'te_absences',
    'te_slots',
    'te_availability',
    'te_experts',
    'te_service_forms',
    'te_services',
    'te_forms',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
