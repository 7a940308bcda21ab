/**
 * One letter from the inbox into the output directory: fetched, decrypted and verified in memory,
 * its files written atomically, the sidecar last, and only then acknowledged to the server (the
 * sender then sees "filed"). A letter that does not open is never written; one already complete
 * in the directory (a rerun after a crash) is acknowledged without being written again.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { MailItem, MailMessage } from '@liaison/core/api/mail';
import { serverTrustHooks } from '@liaison/core/client/index';
import { base64Decode, utf8, wrapSmime, type DecryptRecipient } from '@liaison/core/crypto/index';
import { encodeHprimReport, type HprimEncoding } from '@liaison/core/hprim/index';
import { openLetter, type OpenedLetter } from '@liaison/core/mail/index';
import { segment } from '../api.ts';
import { syncDirectory, writeFileAtomic } from './atomic.ts';
import { fetchFault } from './faults.ts';
import { inside, messageIdName, safeFileName } from './names.ts';
import { getJson, type MailboxRef, type MailSession } from './session.ts';
import { buildSidecar, readPatientHeader, type FetchFormat, type SidecarAttachment } from './sidecar.ts';
import type { FetchState } from './state.ts';

export interface FetchTarget {
  s: MailSession;
  mailbox: MailboxRef;
  dir: string;
  format: FetchFormat;
  encoding: HprimEncoding;
  keys: DecryptRecipient[];
  state: FetchState;
}

export interface Filed {
  id: string;
  from: string;
  /** The letter's main file name, in the output directory. */
  file: string;
  /** False when it was already complete and only the acknowledgement was missing. */
  written: boolean;
}

interface OutputFile {
  name: string;
  content: Uint8Array;
}

interface Plan {
  /** Written in this order; the main file last, so an importer that sees it finds the rest there. */
  files: OutputFile[];
  main: string;
  encoding: HprimEncoding | null;
  unencodable: string[];
  attachments: SidecarAttachment[];
}

const itemPath = (t: FetchTarget, id: string) =>
  `/api/mail/boxes/${segment(t.mailbox.address)}/messages/${id}`;

/**
 * The letter as files for practice software. Its text gets CRLF line ends (several importers split on
 * CRLF only) in the chosen encoding; a patient letter is HPRIM (`.hpr`), any other plain text
 * (`.txt`), so an importer that files every `.hpr` under the patient of its first lines never meets
 * a letter without one. Attachments are `<id>.<n>.<cleaned name>`.
 */
function decryptedPlan(t: FetchTarget, id: string, message: MailMessage, opened: OpenedLetter): Plan {
  const attachments = opened.letter.attachments.map((a, i) => ({
    file: `${id}.${i + 1}.${safeFileName(a.filename)}`,
    filename: a.filename,
    contentType: a.contentType,
    bytes: a.content.length,
    content: a.content,
  }));
  // A notice is a patient letter too: same HPRIM header, filed the same way.
  const main = `${id}.${message.category === 'information' ? 'txt' : 'hpr'}`;
  const encoded = encodeHprimReport(opened.letter.text.replace(/\r?\n/g, '\r\n'), t.encoding);
  return {
    files: [
      ...attachments.map((a) => ({ name: a.file, content: a.content })),
      { name: main, content: encoded.bytes },
    ],
    main,
    encoding: t.encoding,
    unencodable: [...encoded.replaced],
    attachments: attachments.map(({ content: _content, ...described }) => described),
  };
}

/** The S/MIME entity exactly as sealed by the sender, for software that decrypts it itself. */
function emlPlan(id: string, message: MailMessage, opened: OpenedLetter): Plan {
  const main = `${id}.eml`;
  return {
    files: [{ name: main, content: wrapSmime(base64Decode(message.body), 'enveloped-data') }],
    main,
    encoding: null,
    unencodable: [],
    attachments: opened.letter.attachments.map((a) => ({
      file: null,
      filename: a.filename,
      contentType: a.contentType,
      bytes: a.content.length,
    })),
  };
}

async function acknowledge(t: FetchTarget, id: string): Promise<void> {
  await t.s.remote.api.post(`${itemPath(t, id)}/ack`);
  t.state.acknowledged(id);
}

/** The main file a complete letter was written as, from its sidecar (best effort: for the report). */
function writtenFile(sidecarPath: string, fallback: string): string {
  try {
    const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as { file?: unknown };
    return typeof sidecar.file === 'string' ? sidecar.file : fallback;
  } catch {
    return fallback;
  }
}

export async function fileLetter(t: FetchTarget, item: MailItem): Promise<Filed> {
  const id = messageIdName(item.id);
  const sidecarName = `${id}.json`;
  const sidecarPath = inside(t.dir, sidecarName);
  if (existsSync(sidecarPath) || t.state.isWritten(id)) {
    await acknowledge(t, id);
    return { id, from: item.from, file: writtenFile(sidecarPath, sidecarName), written: false };
  }

  const message = await t.s.remote.api.get<MailMessage>(`${itemPath(t, id)}?folder=inbox`);
  const opened = await openLetter({
    body: message.body,
    recipient: t.keys,
    trust: { caCertificatesPem: [t.s.chain], ...serverTrustHooks(getJson(t.s.remote), message.from) },
    envelope: { from: message.from, to: message.to, cc: message.cc, id },
    receivedAt: new Date(message.submittedAt),
  });
  // Opened and verified: from here on the content may be written. Everything is prepared first, so
  // nothing that could still fail runs between the first file and the sidecar.
  const plan = t.format === 'eml' ? emlPlan(id, message, opened) : decryptedPlan(t, id, message, opened);
  const sidecar = buildSidecar({
    message,
    opened,
    format: t.format,
    file: plan.main,
    encoding: plan.encoding,
    unencodable: plan.unencodable,
    patient: readPatientHeader(opened, message.category),
    attachments: plan.attachments,
  });
  plan.files.forEach((f, i) =>
    writeFileAtomic(t.dir, f.name, f.content, i === 0 ? () => fetchFault('mid-write') : undefined),
  );
  syncDirectory(t.dir);
  fetchFault('before-sidecar');
  writeFileAtomic(t.dir, sidecarName, utf8(JSON.stringify(sidecar, null, 2) + '\n'));
  syncDirectory(t.dir);
  t.state.markWritten(id);
  fetchFault('before-ack');

  await acknowledge(t, id);
  if (plan.unencodable.length > 0) {
    process.stderr.write(
      `warning: ${plan.main}: ${plan.unencodable.length} character(s) cannot be written in ${t.encoding}, written as '?' (listed in ${sidecarName})\n`,
    );
  }
  return { id, from: message.from, file: plan.main, written: true };
}
