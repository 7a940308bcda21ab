import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Secure instant messaging (issue 8). A conversation keeps its own sequence counter (`last_seq`),
 * bumped by a conditional update in the transaction that inserts the message, so two concurrent
 * sends never share or skip a number and a device that syncs "after N" catches up with no gap.
 * Messages are opaque CMS envelopes; the server keeps only routing metadata beside them.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('chat_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    // The two user ids of a direct conversation, sorted: a second "create" finds the first one.
    .addColumn('direct_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_message_at', 'text')
    .execute();

  await db.schema
    .createTable('chat_members')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('chat_conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    // The conversation's last_seq when they joined: earlier messages were not encrypted for them.
    .addColumn('joined_seq', 'integer', (c) => c.notNull())
    .addColumn('delivered_seq', 'integer', (c) => c.notNull())
    .addColumn('read_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_members_pk', ['conversation_id', 'user_id'])
    .execute();
  // "My conversations" starts from the user.
  await db.schema.createIndex('chat_members_user').on('chat_members').column('user_id').execute();

  // Members who left are deleted from chat_members; this log keeps who was in when, and who decided.
  await db.schema
    .createTable('chat_membership_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('chat_conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chat_membership_log_conversation')
    .on('chat_membership_log')
    .columns(['conversation_id', 'at'])
    .execute();

  await db.schema
    .createTable('chat_messages')
    // The id the client chose: a retried send finds its first attempt.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('chat_conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sender_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sender_device_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // SHA-256 of kind and envelope: a retry must carry the very same message.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('envelope', bytes, (c) => c.notNull())
    .addUniqueConstraint('chat_messages_seq', ['conversation_id', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_messages').execute();
  await db.schema.dropTable('chat_membership_log').execute();
  await db.schema.dropTable('chat_members').execute();
  await db.schema.dropTable('chat_conversations').execute();
}
