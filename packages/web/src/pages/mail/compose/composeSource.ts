import type { Mailbox } from '@liaison/core/api/index';
import type { MailRecipient } from '@liaison/core/api/mail';
import type { HprimHeader } from '@liaison/core/hprim/index';
import { forwardDraft, replyDraft } from '@liaison/core/mail/index';
import { searchRecipients } from '../../../api/mail.ts';
import type { OpenedMail } from '../../../mailCrypto/open.ts';
import { documentBody, readLetterDocuments } from '../letterText.ts';
import { isoToTypedDay, todayIso } from '../mailFormat.ts';
import type { ComposeSource } from '../paths.ts';
import { emptyPatient, type ComposeValues, type PatientValues } from './composeValues.ts';

/** The words a reply or forward is written with, in the person's language. */
export interface ComposeWords {
  replyPrefix: string;
  forwardPrefix: string;
  /** "Le 29 novembre 2026 à 18:34, Claire MORVAN <…> a écrit :" */
  attribution: (who: string, when: Date) => string;
  /** The lines heading a forwarded letter (from, to, date, subject). */
  forwardHeader: (fields: { from: string; to: string; cc: string; date: Date; subject: string }) => string;
}

/** What the form starts from: empty, or a reply or forward of an opened letter. */
export interface ComposeStart {
  values: ComposeValues;
  files: File[];
  inReplyTo: string | null;
}

export function blankStart(): ComposeStart {
  return {
    values: {
      to: [],
      cc: [],
      subject: '',
      category: 'patient',
      patient: emptyPatient(isoToTypedDay(todayIso())),
      text: '',
    },
    files: [],
    inReplyTo: null,
  };
}

/** An address as a chip: the directory's entry when it has one (name, attachments accepted). */
async function recipientFor(address: string): Promise<MailRecipient> {
  try {
    const hit = (await searchRecipients(address)).find((r) => r.address === address.toLowerCase());
    if (hit) return hit;
  } catch {
    // Unknown to the search for now: the address alone; the server says at sending if it is wrong.
  }
  return { address, kind: 'PER', displayName: address, organisationName: null, acceptsAttachments: true };
}

/** A blank letter to one address (the directory's "write" button: `/mail/new?to=…`). */
export async function startTo(address: string): Promise<ComposeStart> {
  const start = blankStart();
  return { ...start, values: { ...start.values, to: [await recipientFor(address)] } };
}

/** The same patient, for a reply or a forward about them (the document date is today's). */
function patientFrom(header: HprimHeader | null): PatientValues {
  const patient = emptyPatient(isoToTypedDay(todayIso()));
  if (!header) return patient;
  const text = (value: string | null) => value ?? '';
  return {
    ...patient,
    lastName: text(header.lastName),
    firstName: text(header.firstName),
    birthDate: isoToTypedDay(header.birthDate),
    nir: text(header.nir),
    fileNumber: text(header.fileNumber),
    patientId: text(header.patientId),
    address1: text(header.address1),
    address2: text(header.address2),
    postalCode: text(header.postalCode),
    city: text(header.city),
  };
}

/**
 * A reply (to the sender, Cc the other recipients) or a forward (attachments kept) of an opened
 * letter. A patient letter's HPRIM header goes back into the patient fields, not into the quoted
 * text; a forward keeps the lab results as a `****LAB****` section, sent on as a table again.
 */
export async function startFrom(
  opened: OpenedMail,
  source: ComposeSource,
  mailbox: Mailbox,
  words: ComposeWords,
): Promise<ComposeStart> {
  if (opened.kind !== 'opened') throw new Error('the letter could not be opened');
  const { letter, item, signature } = opened;
  // The verified signer's name, with the address it signed for.
  const sender = signature.commonName ? `${signature.commonName} <${letter.from}>` : letter.from;
  const documents = readLetterDocuments(letter.text, item.category);
  const base = {
    category: item.category,
    patient: patientFrom(documents[0]?.header ?? null),
  };
  if (source.kind === 'reply') {
    const quoted = documents.map((doc) => doc.text).join('\n\n');
    const draft = replyDraft({ ...letter, text: quoted }, mailbox.address, words.replyPrefix);
    // The core writes a language-neutral attribution (address, ISO time) for the UI to put in words.
    const neutral = `--- ${letter.from}, ${letter.date.toISOString()} ---`;
    const text = draft.text.replace(neutral, words.attribution(sender, letter.date));
    const [to, cc] = await Promise.all([
      Promise.all(draft.to.map(recipientFor)),
      Promise.all(draft.cc.map(recipientFor)),
    ]);
    return {
      values: { ...base, to, cc, subject: draft.subject, text },
      files: [],
      inReplyTo: draft.inReplyTo,
    };
  }
  const body = documents.map(documentBody).join('\n\n');
  // Subject and attachments from the core; the header block above the text in the person's words.
  const draft = forwardDraft({ ...letter, text: body }, words.forwardPrefix);
  const files = draft.attachments.map(
    (a) => new File([new Uint8Array(a.content)], a.filename, { type: a.contentType }),
  );
  const header = words.forwardHeader({
    from: sender,
    to: letter.to.join(', '),
    cc: letter.cc.join(', '),
    date: letter.date,
    subject: letter.subject,
  });
  return {
    values: { ...base, to: [], cc: [], subject: draft.subject, text: `\n\n${header}\n\n${body}` },
    files,
    inReplyTo: null,
  };
}
