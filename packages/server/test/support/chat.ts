import type { ChatMessage, Conversation } from '@liaison/core/api/chat';
import { base64Encode, encrypt, utf8 } from '@liaison/core/crypto/index';
import { randomRpps } from '@liaison/core/synthetic/index';
import { Client, type Answer, type TestInstance } from './app.ts';
import type { MailUser } from './mail.ts';

export const CONVERSATIONS = '/api/chat/conversations';

export function messagesOf(conversationId: string): string {
  return `${CONVERSATIONS}/${conversationId}/messages`;
}

/** A text message as a device makes it: one envelope for the given people's encryption certificates. */
export async function sealChat(forUsers: readonly MailUser[], text: string): Promise<string> {
  const der = await encrypt({
    content: utf8(text),
    recipients: forUsers.map((u) => u.encryptionCertificatePem),
  });
  return base64Encode(der);
}

/** Sends `text` from `sender`, encrypted for `forUsers` (normally every member, the sender included). */
export async function sendText(
  sender: MailUser,
  conversationId: string,
  forUsers: readonly MailUser[],
  text: string,
  id: string = crypto.randomUUID(),
): Promise<Answer<ChatMessage & { error?: { code: string } }>> {
  return sender.client.post<ChatMessage & { error?: { code: string } }>(messagesOf(conversationId), {
    id,
    kind: 'text',
    envelope: await sealChat(forUsers, text),
  });
}

export async function createGroup(
  admin: MailUser,
  name: string,
  members: readonly MailUser[],
): Promise<Conversation> {
  const created = await admin.client.post<Conversation>(CONVERSATIONS, {
    kind: 'group',
    name,
    memberIds: members.map((m) => m.userId),
  });
  if (created.status !== 201) throw new Error(`group refused: ${created.text}`);
  return created.body;
}

/** Someone who registered and is still waiting for a technician: not a possible chat member. */
export async function pendingUserId(t: TestInstance): Promise<string> {
  const rpps = randomRpps();
  const submitted = await new Client(t.app).post<{ userId: string }>('/api/registrations', {
    email: `pending-${rpps}@cabinet.test`,
    password: 'une phrase de passe solide',
    firstName: 'Paul',
    lastName: 'Attente',
    nationalIdKind: 'rpps',
    nationalId: rpps,
    profession: '10',
    specialty: 'SM54',
    charterVersion: 1,
  });
  if (submitted.status !== 201) throw new Error(`registration failed: ${submitted.text}`);
  return submitted.body.userId;
}
