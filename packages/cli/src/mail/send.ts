/**
 * `liaison send`: a letter written on this machine, signed with the keystore's signing key, encrypted
 * to every recipient mailbox and to the sender's own, then submitted under a fresh UUID. The server
 * only ever sees the sealed letter and its routing metadata. Before sealing, the server is asked
 * whether a bulk-mail rule would hold the message (a warning, never a refusal: a technician decides).
 */
import { randomUUID } from 'node:crypto';
import type { MailCategory, SubmittedMessage } from '@liaison/core/api/mail';
import { sealLetter, type Letter } from '@liaison/core/mail/index';
import { checkLetterRules } from '@liaison/core/policy/letterRules';
import { intermediatesPem } from '../certificateCheck.ts';
import { asPending } from '../remote.ts';
import { CliFailure } from '../failure.ts';
import { sealingCertificates } from './certificates.ts';
import { bodyContent, hprimContent, readAttachments, type LetterContent } from './content.ts';
import { callerMailbox, normaliseAddress, openMailSession, type MailSession } from './session.ts';
import { submitLetter } from './submit.ts';
import { holdLine, requireCharterAccepted, warnBeforeSending } from './usageRules.ts';

export interface SendOptions {
  home: string;
  to: string[];
  cc?: string[];
  hprimFile?: string;
  bodyFile?: string;
  subject?: string;
  attach?: string[];
  from?: string;
  category?: MailCategory;
  json?: boolean;
}

function letterContent(o: SendOptions): LetterContent {
  if ((o.hprimFile === undefined) === (o.bodyFile === undefined)) {
    throw new CliFailure('VALIDATION_FAILED', 'give exactly one of --hprim-file FILE or --body-file FILE');
  }
  if (o.hprimFile !== undefined) {
    if (o.category === 'information') {
      throw new CliFailure('VALIDATION_FAILED', 'an HPRIM file is a patient letter: leave out --category');
    }
    return hprimContent(o.hprimFile);
  }
  return bodyContent(o.bodyFile!, o.category ?? 'information');
}

/** To then Cc, normalised; the server refuses an address listed twice, so say it before sealing. */
function recipientLists(o: SendOptions): { to: string[]; cc: string[] } {
  const to = o.to.map(normaliseAddress);
  const cc = (o.cc ?? []).map(normaliseAddress);
  const seen = new Set<string>();
  for (const address of [...to, ...cc]) {
    if (seen.has(address)) {
      throw new CliFailure('RECIPIENT_DUPLICATE', `${address} is listed twice among the recipients`);
    }
    seen.add(address);
  }
  return { to, cc };
}

/** What `liaison send` and `liaison notice send` print for a submitted message. */
function report(message: SubmittedMessage, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(JSON.stringify(message, null, 2) + '\n');
    return;
  }
  const lines = [
    message.id,
    ...message.recipients.map((r) => `${r.field.padEnd(3)} ${r.address}  ${r.state}`),
    ...(message.hold ? [holdLine(message.hold)] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export async function sendLetter(o: SendOptions): Promise<void> {
  // Local files first: a typo in a path is refused before any network or crypto work.
  const content = letterContent(o);
  const attachments = readAttachments(o.attach ?? []);
  const { to, cc } = recipientLists(o);
  for (const w of content.warnings) {
    process.stderr.write(`warning: line ${w.line ?? '-'}: ${w.code} ${w.message}\n`);
  }

  const s = await openMailSession(o.home, 'liaison send');
  try {
    requireCharterAccepted(s.me);
    const from = normaliseAddress(o.from ?? callerMailbox(s.me).address);
    const certificates = await sealingCertificates(s, from, [...to, ...cc]);
    const letter: Letter = {
      messageId: randomUUID(),
      from,
      to,
      cc,
      subject: o.subject ?? content.defaultSubject,
      date: new Date(),
      inReplyTo: null,
      replyTo: null,
      text: content.text,
      attachments,
    };
    // The charter's format rules, as the compose screen applies them (core/policy/letterRules.ts).
    for (const f of checkLetterRules({ ...letter, category: content.category })) {
      const line = `${f.code}: ${f.message} (charter article ${f.charterArticle})`;
      if (f.severity === 'error') throw new CliFailure(f.code, line.slice(f.code.length + 2));
      process.stderr.write(`warning: ${line}\n`);
    }
    await sealAndSubmit(s, {
      letter,
      category: content.category,
      patient: content.patient,
      patients: content.patients,
      certificates,
      json: o.json,
    });
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}

/**
 * The last steps of sending a letter, shared with `liaison notice send`: the server's usage-rule
 * warnings, then sign-then-encrypt with the keystore's signing key for `certificates`, submit (with
 * retries, same id) and print the delivery report.
 */
export async function sealAndSubmit(
  s: MailSession,
  m: {
    letter: Letter;
    category: MailCategory;
    patient: Parameters<typeof sealLetter>[0]['patient'];
    patients: number | undefined;
    certificates: string[];
    json: boolean | undefined;
    what?: string;
  },
): Promise<void> {
  const signer = s.store.requireKey('signing');
  await warnBeforeSending(s.remote.api, {
    from: m.letter.from,
    to: m.letter.to,
    cc: m.letter.cc,
    category: m.category,
    patients: m.patients,
  });
  process.stderr.write(
    `sealing ${m.what ?? 'message'} ${m.letter.messageId} for ${m.certificates.length} certificate(s)…\n`,
  );
  const request = await sealLetter({
    letter: m.letter,
    category: m.category,
    patient: m.patient,
    patients: m.patients,
    signer: {
      privateKey: signer.privateKeyPkcs8,
      certificatePem: signer.certificatePem,
      chainPem: intermediatesPem(s.chain),
    },
    recipientCertificatesPem: m.certificates,
  });
  report(await submitLetter(s.remote, request), m.json);
}
