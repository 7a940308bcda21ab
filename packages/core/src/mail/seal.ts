/**
 * Sealing a letter into what the server stores: the body signed then encrypted, the summary encrypted
 * (not signed: it is a listing hint and the opened letter is the truth), and sizes the server checks.
 */
import { Email } from '../api/common.ts';
import {
  MAX_ATTACHMENTS,
  MAX_RECIPIENTS,
  type MailCategory,
  type SubmitMessageRequest,
} from '../api/mail.ts';
import { base64Encode } from '../crypto/bytes.ts';
import { encrypt } from '../crypto/encrypt.ts';
import { CryptoError } from '../crypto/errors.ts';
import type { Signer } from '../crypto/sign.ts';
import { signThenEncryptDer } from '../crypto/smime.ts';
import { declaredPatients } from '../policy/bulkRules.ts';
import { buildLetterEntity, type Letter } from './letter.ts';
import { encodeSummary, summariseLetter, type LetterSummary } from './summary.ts';

export interface SealInput {
  letter: Letter;
  category: MailCategory;
  patient: LetterSummary['patient'];
  signer: Signer;
  /** Every recipient mailbox's current encryption certificate AND the sender's own (to read the sent copy). */
  recipientCertificatesPem: string[];
  signingTime?: Date;
  /** Patients the letter is about (its HPRIM documents); by default 1 for a patient letter, else 0. */
  patients?: number;
}

/**
 * What the API would refuse, refused before the (slow) signing and encryption, with the API's own
 * address rule. Details name the field, never an address.
 */
function assertSubmittable(letter: Letter): void {
  const bad = (detail: string): never => {
    throw new CryptoError('LETTER_MALFORMED', detail);
  };
  if (!Email.safeParse(letter.from).success) bad('From: not an address the server accepts');
  if (letter.to.length === 0) bad('no To recipient');
  if (letter.to.length + letter.cc.length > MAX_RECIPIENTS) bad(`more than ${MAX_RECIPIENTS} recipients`);
  for (const [field, list] of [
    ['To', letter.to],
    ['Cc', letter.cc],
  ] as const) {
    if (!list.every((address) => Email.safeParse(address).success)) {
      bad(`${field}: not an address the server accepts`);
    }
  }
  if (letter.attachments.length > MAX_ATTACHMENTS) bad(`more than ${MAX_ATTACHMENTS} attachments`);
}

/** Signs, encrypts and describes a letter as a SubmitMessageRequest. */
export async function sealLetter(input: SealInput): Promise<SubmitMessageRequest> {
  const { letter } = input;
  assertSubmittable(letter);
  const entity = buildLetterEntity(letter);
  const body = await signThenEncryptDer({
    content: entity,
    signer: input.signer,
    recipients: input.recipientCertificatesPem,
    ...(input.signingTime ? { signingTime: input.signingTime } : {}),
  });
  const summary = await encrypt({
    content: encodeSummary(summariseLetter(letter, input.patient)),
    recipients: input.recipientCertificatesPem,
  });
  return {
    id: letter.messageId,
    from: letter.from,
    to: [...letter.to],
    cc: [...letter.cc],
    category: input.category,
    declared: {
      bodyBytes: body.length,
      summaryBytes: summary.length,
      attachmentCount: letter.attachments.length,
      attachmentBytes: letter.attachments.reduce((n, a) => n + a.content.length, 0),
      patients: declaredPatients(input.category, input.patients),
    },
    body: base64Encode(body),
    summary: base64Encode(summary),
  };
}
