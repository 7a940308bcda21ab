/**
 * `liaison notice send`: an establishment's system tells a GP that one of their patients was admitted,
 * discharged, transferred or died. The notice is built by core as a secure letter (HPRIM header and
 * French text, plus its structured JSON part) and goes exactly the way `liaison send` sends a letter:
 * signed with the keystore's key, encrypted to the GP and to the sending mailbox, submitted under a
 * fresh UUID with retries. The server only learns the category ("notice") and checks the sender is an
 * establishment's service or application mailbox.
 */
import { randomUUID } from 'node:crypto';
import { buildNoticeLetter } from '@liaison/core/notice/index';
import { asPending } from '../remote.ts';
import { sealingCertificates } from '../mail/certificates.ts';
import { sealAndSubmit } from '../mail/send.ts';
import { callerMailbox, normaliseAddress, openMailSession } from '../mail/session.ts';
import { requireCharterAccepted } from '../mail/usageRules.ts';
import { noticeFromOptions, type NoticeOptions } from './options.ts';

export interface SendNoticeOptions extends NoticeOptions {
  home: string;
  from: string;
  to: string;
  json?: boolean;
}

export async function sendNotice(o: SendNoticeOptions): Promise<void> {
  // The notice first: a bad option is refused before any network or crypto work.
  const notice = noticeFromOptions(o);
  const to = normaliseAddress(o.to);

  const s = await openMailSession(o.home, 'liaison notice send');
  try {
    requireCharterAccepted(s.me);
    const from = callerMailbox(s.me, o.from).address;
    const certificates = await sealingCertificates(s, from, [to]);
    const built = buildNoticeLetter(notice, { messageId: randomUUID(), from, to, date: new Date() });
    await sealAndSubmit(s, {
      letter: built.letter,
      category: built.category,
      patient: built.patient,
      patients: built.patients,
      certificates,
      json: o.json,
      what: 'notice',
    });
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
