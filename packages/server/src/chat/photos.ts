import type { ChatPhoto } from '@liaison/core/api/chat';
import type { Deps } from '../deps.ts';
import { fail } from '../errors.ts';
import { requireMember } from './store.ts';

/**
 * A photo's envelope, for a member who could sync its message: one who joined after it was sent was
 * not a recipient, and gets the same answer as for a message that has no photo.
 */
export async function readPhoto(
  deps: Pick<Deps, 'db'>,
  userId: string,
  conversationId: string,
  messageId: string,
): Promise<ChatPhoto> {
  const me = await requireMember(deps.db.read, conversationId, userId);
  const row = await deps.db.read
    .selectFrom('chat_photos')
    .innerJoin('chat_messages', 'chat_messages.id', 'chat_photos.message_id')
    .select(['chat_photos.envelope'])
    .where('chat_photos.message_id', '=', messageId)
    .where('chat_messages.conversation_id', '=', conversationId)
    .where('chat_messages.seq', '>', me.joined_seq)
    .executeTakeFirst();
  if (!row) fail('CHAT_PHOTO_NOT_FOUND');
  return { messageId, envelope: Buffer.from(row.envelope).toString('base64') };
}
