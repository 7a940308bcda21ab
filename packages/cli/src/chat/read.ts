/**
 * `liaison chat read`: syncs a conversation page by page from `--after`, opens each envelope with
 * the keystore's encryption keys (the whole history, so messages sent to a renewed certificate stay
 * readable) and prints them in sequence order. A message that cannot be opened is reported on that
 * line and the others still print; the command then fails, so a script notices. A photo prints as
 * its caption and size; with `--save-photos DIR` it is downloaded, decrypted, checked to be the JPEG
 * its card announced, and written to DIR.
 */
import { MAX_CHAT_SYNC_LIMIT, type ChatMessage, type Conversation } from '@liaison/core/api/chat';
import { parseHistoryBundle, type ChatHistoryEntry } from '@liaison/core/chat/history';
import { checkReceivedPhoto, parsePhotoCard, type ChatPhotoCard } from '@liaison/core/chat/photo';
import { base64Decode, decrypt, type DecryptRecipient } from '@liaison/core/crypto/index';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliFailure } from '../failure.ts';
import { openMailSession } from '../mail/session.ts';
import { myDecryptionKeys } from '../mailbox/shared.ts';
import { asPending, type Remote } from '../remote.ts';
import { getConversation, getPhoto, markRead, syncPage } from './api.ts';

export interface ChatReadOptions {
  home: string;
  after?: string;
  json?: boolean;
  markRead?: boolean;
  savePhotos?: string;
}

function afterSeq(value: string | undefined): number {
  const n = Number(value ?? '0');
  if (!Number.isInteger(n) || n < 0)
    throw new CliFailure('VALIDATION_FAILED', '--after must be a whole number ≥ 0');
  return n;
}

export async function* messagesAfter(remote: Remote, id: string, after: number): AsyncGenerator<ChatMessage> {
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

interface PhotoLine {
  caption: string;
  width: number;
  height: number;
  bytes: number;
  /** Where --save-photos wrote it. */
  file?: string;
}
export type Opened =
  | { text: string }
  | { photo: PhotoLine }
  | { history: { sharedBy: string; messages: ChatHistoryEntry[] } }
  | { error: string };

export interface Opener {
  remote: Remote;
  conversationId: string;
  keys: DecryptRecipient[];
  savePhotos?: string;
}

async function savePhoto(o: Opener, m: ChatMessage, card: ChatPhotoCard): Promise<string> {
  const photo = await getPhoto(o.remote, o.conversationId, m.id);
  const jpeg = await checkReceivedPhoto(
    card,
    await decrypt({ envelope: base64Decode(photo.envelope), recipient: o.keys }),
  );
  mkdirSync(o.savePhotos!, { recursive: true });
  const file = join(o.savePhotos!, `${m.seq}-${m.id}.jpg`);
  writeFileSync(file, jpeg, { mode: 0o600 });
  return file;
}

export async function open(o: Opener, m: ChatMessage, sender: string): Promise<Opened> {
  try {
    const bytes = await decrypt({ envelope: base64Decode(m.envelope), recipient: o.keys });
    if (m.kind === 'text') return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    if (m.kind === 'history') return { history: { sharedBy: sender, ...parseHistoryBundle(bytes) } };
    const card = parsePhotoCard(bytes);
    const line: PhotoLine = {
      caption: card.caption,
      width: card.width,
      height: card.height,
      bytes: card.bytes,
    };
    if (o.savePhotos !== undefined) line.file = await savePhoto(o, m, card);
    return { photo: line };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return { error: `${e.code ?? 'DECRYPT_FAILED'}: ${e.message ?? String(err)}` };
  }
}

function describe(opened: Opened): string {
  if ('text' in opened) return opened.text;
  if ('history' in opened) {
    // Quoted by the member who shared it: the original senders did not sign this copy.
    const lines = opened.history.messages.map((h) => `    > ${h.sentAt}  ${h.senderName}: ${h.text}`);
    return [`[earlier messages shared by ${opened.history.sharedBy}]`, ...lines].join('\n');
  }
  if ('error' in opened) return `[unreadable: ${opened.error}]`;
  const p = opened.photo;
  const kb = Math.round(p.bytes / 1024);
  return `[photo ${p.width}×${p.height}, ${kb} KB${p.file ? `, saved to ${p.file}` : ''}] ${p.caption}`.trimEnd();
}

export function senderName(c: Conversation, userId: string): string {
  return c.members.find((m) => m.userId === userId)?.displayName ?? userId;
}

function print(m: ChatMessage, opened: Opened, sender: string, json: boolean): void {
  if (json) {
    const row = { seq: m.seq, id: m.id, sentAt: m.sentAt, senderUserId: m.senderUserId, sender, ...opened };
    process.stdout.write(JSON.stringify(row) + '\n');
    return;
  }
  process.stdout.write(`${m.seq}  ${m.sentAt}  ${sender}: ${describe(opened)}\n`);
}

export async function readChat(conversationId: string, o: ChatReadOptions): Promise<void> {
  const after = afterSeq(o.after);
  const s = await openMailSession(o.home, `liaison chat read ${conversationId}`);
  try {
    const conversation = await getConversation(s.remote, conversationId);
    const opener: Opener = {
      remote: s.remote,
      conversationId,
      keys: myDecryptionKeys(s.store),
      ...(o.savePhotos === undefined ? {} : { savePhotos: o.savePhotos }),
    };
    let lastSeq = after;
    let failed = 0;
    for await (const m of messagesAfter(s.remote, conversationId, after)) {
      const sender = senderName(conversation, m.senderUserId);
      const opened = await open(opener, m, sender);
      if ('error' in opened) failed++;
      print(m, opened, sender, o.json === true);
      lastSeq = m.seq;
    }
    // Only what was shown is marked read; receipts never go back, so a lower seq is harmless.
    if (o.markRead && lastSeq > after) await markRead(s.remote, conversationId, lastSeq);
    if (failed > 0) throw new CliFailure('CHAT_UNREADABLE', `${failed} message(s) could not be opened`);
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
