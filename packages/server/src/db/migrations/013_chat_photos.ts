import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Photos in chat (issue 8). The message row keeps the small envelope (caption, thumbnail) that every
 * sync returns; the photo's own envelope, up to a few megabytes, lives in `chat_photos` and is read only
 * when a device opens it, so catching up on a busy care team does not drag every picture along.
 */
// Migrations run against any schema version, so they take an untyped Kysely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema.alterTable('chat_messages').addColumn('photo_size', 'integer').execute();
  await db.schema
    .createTable('chat_photos')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('chat_messages.id').onDelete('cascade'))
    .addColumn('envelope', bytes, (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_photos').execute();
  await db.schema.alterTable('chat_messages').dropColumn('photo_size').execute();
}
