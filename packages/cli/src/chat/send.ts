/**
 * `liaison chat send`: the text is encrypted on this machine (CMS EnvelopedData, UTF-8 text inside)
 * for every member's certificate, the sender's own included, and posted under a UUID chosen here. A
 * retry after a lost answer re-posts the very same id and envelope, which the server answers with
 * the stored message (same seq) instead of a duplicate.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ChatMessage } from '@liaison/core/api/chat';
import { base64Encode, encrypt } from '@liaison/core/crypto/index';
import { ApiError } from '../api.ts';
import { CliFailure } from '../failure.ts';
import { openMailSession, type MailSession } from '../mail/session.ts';
import { asPending, type Remote } from '../remote.ts';
import { directConversation, getConversation, postMessage } from './api.ts';
import { memberCertificates } from './certificates.ts';

export interface ChatSendOptions {
  home: string;
  to?: string;
  with?: string;
  text?: string;
  textFile?: string;
  json?: boolean;
}

/** Attempts of one post: a dropped connection or a server hiccup is worth one more try, same id. */
const ATTEMPTS = 3;

function messageText(o: ChatSendOptions): string {
  if ((o.text === undefined) === (o.textFile === undefined)) {
    throw new CliFailure('VALIDATION_FAILED', 'give exactly one of --text TEXT or --text-file FILE');
  }
  let text: string;
  try {
    text = o.text ?? readFileSync(o.textFile!, 'utf8');
  } catch (err) {
    throw new CliFailure('FILE_UNREADABLE', `cannot read ${o.textFile}: ${(err as Error).message}`);
  }
  if (text.trim() === '') throw new CliFailure('VALIDATION_FAILED', 'the message is empty');
  return text;
}

async function conversationId(remote: Remote, o: ChatSendOptions): Promise<string> {
  if ((o.to === undefined) === (o.with === undefined)) {
    throw new CliFailure('VALIDATION_FAILED', 'give exactly one of --to CONVERSATION_ID or --with USER_ID');
  }
  return o.to ?? (await directConversation(remote, o.with!)).id;
}

const retryable = (err: unknown) =>
  err instanceof ApiError && (err.code === 'SERVER_UNREACHABLE' || err.status >= 500);

async function post(
  remote: Remote,
  id: string,
  body: Parameters<typeof postMessage>[2],
): Promise<ChatMessage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await postMessage(remote, id, body);
    } catch (err) {
      if (attempt >= ATTEMPTS || !retryable(err)) throw err;
    }
  }
}

/**
 * Encrypts `content` for the conversation's members as the server has them now (a member added or
 * removed since is encrypted for, or not) and posts it under a new id, retried with that same id.
 */
export async function sealAndPost(
  s: MailSession,
  conversationId: string,
  kind: 'text' | 'history',
  content: Uint8Array,
): Promise<ChatMessage> {
  const conversation = await getConversation(s.remote, conversationId);
  const recipients = await memberCertificates(s, conversation.members);
  const envelope = base64Encode(await encrypt({ content, recipients }));
  return post(s.remote, conversationId, { id: randomUUID(), kind, envelope });
}

export async function sendChat(o: ChatSendOptions): Promise<void> {
  const text = messageText(o);
  const s = await openMailSession(o.home, 'liaison chat send');
  try {
    const id = await conversationId(s.remote, o);
    const message = await sealAndPost(s, id, 'text', new TextEncoder().encode(text));
    process.stdout.write(
      o.json
        ? JSON.stringify({ id: message.id, conversationId: id, seq: message.seq, sentAt: message.sentAt }) +
            '\n'
        : `${message.seq}\n`,
    );
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
