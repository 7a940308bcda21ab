/**
 * `liaison chat read`: syncs a conversation page by page from `--after`, opens each envelope with
 * the keystore's encryption keys (the whole history, so messages sent to a renewed certificate stay
 * readable) and prints them in sequence order. A message that cannot be opened is reported on that
 * line and the others still print; the command then fails, so a script notices.
 */
import { MAX_CHAT_SYNC_LIMIT, type ChatMessage, type Conversation } from '@liaison/core/api/chat';
import { base64Decode, decrypt, type DecryptRecipient } from '@liaison/core/crypto/index';
import { CliFailure } from '../failure.ts';
import { openMailSession } from '../mail/session.ts';
import { myDecryptionKeys } from '../mailbox/shared.ts';
import { asPending, type Remote } from '../remote.ts';
import { getConversation, markRead, syncPage } from './api.ts';

export interface ChatReadOptions {
  home: string;
  after?: string;
  json?: boolean;
  markRead?: boolean;
}

function afterSeq(value: string | undefined): number {
  const n = Number(value ?? '0');
  if (!Number.isInteger(n) || n < 0)
    throw new CliFailure('VALIDATION_FAILED', '--after must be a whole number ≥ 0');
  return n;
}

async function* messagesAfter(remote: Remote, id: string, after: number): AsyncGenerator<ChatMessage> {
  let cursor = after;
  for (;;) {
    const page = await syncPage(remote, id, cursor, MAX_CHAT_SYNC_LIMIT);
    for (const m of page.messages) yield m;
    const last = page.messages.at(-1);
    // `more` with an empty page cannot move the cursor: stop rather than loop forever.
    if (!page.more || !last) return;
    cursor = last.seq;
  }
}

type Opened = { text: string } | { error: string };

async function open(m: ChatMessage, keys: DecryptRecipient[]): Promise<Opened> {
  try {
    const bytes = await decrypt({ envelope: base64Decode(m.envelope), recipient: keys });
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: `${e.code ?? 'DECRYPT_FAILED'}: ${e.message ?? String(err)}` };
  }
}

function senderName(c: Conversation, userId: string): string {
  return c.members.find((m) => m.userId === userId)?.displayName ?? userId;
}

function print(m: ChatMessage, opened: Opened, sender: string, json: boolean): void {
  if (json) {
    const row = { seq: m.seq, id: m.id, sentAt: m.sentAt, senderUserId: m.senderUserId, sender, ...opened };
    process.stdout.write(JSON.stringify(row) + '\n');
    return;
  }
  const body = 'text' in opened ? opened.text : `[unreadable: ${opened.error}]`;
  process.stdout.write(`${m.seq}  ${m.sentAt}  ${sender}: ${body}\n`);
}

export async function readChat(conversationId: string, o: ChatReadOptions): Promise<void> {
  const after = afterSeq(o.after);
  const s = await openMailSession(o.home, `liaison chat read ${conversationId}`);
  try {
    const conversation = await getConversation(s.remote, conversationId);
    const keys = myDecryptionKeys(s.store);
    let lastSeq = after;
    let failed = 0;
    for await (const m of messagesAfter(s.remote, conversationId, after)) {
      const opened = await open(m, keys);
      if ('error' in opened) failed++;
      print(m, opened, senderName(conversation, m.senderUserId), o.json === true);
      lastSeq = m.seq;
    }
    // Only what was shown is marked read; receipts never go back, so a lower seq is harmless.
    if (o.markRead && lastSeq > after) await markRead(s.remote, conversationId, lastSeq);
    if (failed > 0) throw new CliFailure('CHAT_UNREADABLE', `${failed} message(s) could not be opened`);
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
