/**
 * `liaison chat reshare`: gives newcomers the context they were not sent. The server cannot
 * re-encrypt what it cannot read, so this device opens the last messages it can read and sends them
 * again, as one 'history' message encrypted for every current member (core/chat/history.ts). Photos
 * travel as their captions; earlier re-shared bundles are not re-shared again.
 */
import { historyBundle, type ChatHistoryEntry } from '@liaison/core/chat/history';
import { CliFailure } from '../failure.ts';
import { openMailSession } from '../mail/session.ts';
import { myDecryptionKeys } from '../mailbox/shared.ts';
import { asPending } from '../remote.ts';
import { getConversation } from './api.ts';
import { messagesAfter, open, senderName, type Opener } from './read.ts';
import { sealAndPost } from './send.ts';

export interface ChatReshareOptions {
  home: string;
  last?: string;
  json?: boolean;
}

function lastCount(value: string | undefined): number {
  const n = Number(value ?? '20');
  if (!Number.isInteger(n) || n < 1 || n > 200) {
    throw new CliFailure('VALIDATION_FAILED', '--last must be a whole number from 1 to 200');
  }
  return n;
}

export async function reshareChat(conversationId: string, o: ChatReshareOptions): Promise<void> {
  const last = lastCount(o.last);
  const s = await openMailSession(o.home, `liaison chat reshare ${conversationId}`);
  try {
    const conversation = await getConversation(s.remote, conversationId);
    const opener: Opener = { remote: s.remote, conversationId, keys: myDecryptionKeys(s.store) };
    const entries: ChatHistoryEntry[] = [];
    for await (const m of messagesAfter(s.remote, conversationId, 0)) {
      const name = senderName(conversation, m.senderUserId);
      const opened = await open(opener, m, name);
      const text =
        'text' in opened
          ? opened.text
          : 'photo' in opened
            ? `[photo] ${opened.photo.caption}`.trimEnd()
            : null;
      if (text !== null) entries.push({ seq: m.seq, senderName: name, sentAt: m.sentAt, text });
    }
    const bundle = historyBundle(entries.slice(-last));
    if (bundle === null) throw new CliFailure('VALIDATION_FAILED', 'no message of yours to share here');
    const message = await sealAndPost(s, conversationId, 'history', bundle);
    process.stdout.write(
      o.json
        ? JSON.stringify({
            id: message.id,
            conversationId,
            seq: message.seq,
            shared: entries.slice(-last).length,
          }) + '\n'
        : `${message.seq}\n`,
    );
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
