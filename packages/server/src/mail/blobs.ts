import { createHash } from 'node:crypto';
import { MAX_SUMMARY_PLAINTEXT_BYTES, type SubmitMessageRequest } from '@liaison/core/api/mail';
import { fail } from '../errors.ts';
import { envelopeSerialsOfDer } from '../mailboxes/envelope.ts';
import type { ResolvedMailbox } from './resolve.ts';

export interface DecodedBlobs {
  body: Buffer;
  summary: Buffer;
}

/**
 * What one more recipient adds to an envelope: an RSA-3072 key transport (384 bytes), the issuer
 * name and serial, the OAEP parameters. Generous, so a summary for many recipients still passes.
 */
const ENVELOPE_BYTES_PER_RECIPIENT = 1024;
const ENVELOPE_BASE_BYTES = 2048;

type Submission = Pick<SubmitMessageRequest, 'body' | 'summary'> & {
  declared: { bodyBytes: number; summaryBytes: number; attachmentBytes: number };
};

/**
 * Standard base64, one line. Node's decoder skips characters outside the alphabet, so a string is
 * valid exactly when its decoded length is what its length and padding promise.
 */
function decodeBase64(text: string, what: string): Buffer {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = Buffer.from(text, 'base64');
  if (text.length % 4 !== 0 || bytes.length !== (text.length / 4) * 3 - padding || /[-_]/.test(text)) {
    fail('VALIDATION_FAILED', `The ${what} is not standard base64.`, { field: what });
  }
  return bytes;
}

/** Decodes both blobs and checks them against what the sender declared, before anything is stored. */
export function decodeBlobs(input: Submission, maxBytes: number, recipientCount: number): DecodedBlobs {
  const body = decodeBase64(input.body, 'body');
  const summary = decodeBase64(input.summary, 'summary');
  if (body.length > maxBytes || input.declared.bodyBytes > maxBytes) {
    fail('MESSAGE_TOO_LARGE', `The message is over the ${maxBytes}-byte limit of this server.`, {
      limit: maxBytes,
    });
  }
  const summaryLimit =
    MAX_SUMMARY_PLAINTEXT_BYTES + ENVELOPE_BASE_BYTES + ENVELOPE_BYTES_PER_RECIPIENT * (recipientCount + 1);
  if (summary.length > summaryLimit) {
    fail('MESSAGE_TOO_LARGE', 'The summary is larger than a 4 KB summary can be once encrypted.', {
      limit: summaryLimit,
    });
  }
  if (body.length !== input.declared.bodyBytes || summary.length !== input.declared.summaryBytes) {
    fail('BLOB_SIZE_MISMATCH', 'The message or its summary is not the declared size.');
  }
  if (input.declared.attachmentBytes > body.length) {
    fail('BLOB_SIZE_MISMATCH', 'The declared attachments are larger than the whole message.');
  }
  return { body, summary };
}

/**
 * Both envelopes must be readable by every recipient (one of each mailbox's current certificates) and
 * by the From mailbox, whose sent copy its other members read too.
 */
export function checkEnvelopeRecipients(
  blobs: DecodedBlobs,
  sender: ResolvedMailbox,
  recipients: readonly ResolvedMailbox[],
): void {
  for (const [what, der] of [
    ['message', blobs.body],
    ['summary', blobs.summary],
  ] as const) {
    const serials = envelopeSerialsOfDer(new Uint8Array(der));
    if (serials === null) fail('BLOB_NOT_ENVELOPED', `The ${what} is not a CMS EnvelopedData.`);
    const addressed = new Set(serials);
    for (const mailbox of [sender, ...recipients]) {
      if (!mailbox.encryptionSerials.some((serial) => addressed.has(serial))) {
        fail(
          'BLOB_RECIPIENTS_MISMATCH',
          `The ${what} is not encrypted for the current certificate of ${mailbox.address}.`,
          { address: mailbox.address },
        );
      }
    }
  }
}

/** A retry must carry the very same message: same routing, same declarations, same bytes. */
export function submissionFingerprint(
  input: Pick<SubmitMessageRequest, 'from' | 'to' | 'cc' | 'category'> & { declared: object },
  blobs: DecodedBlobs,
): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      from: input.from,
      to: input.to,
      cc: input.cc ?? [],
      category: input.category,
      declared: input.declared,
    }),
  );
  hash.update(blobs.body);
  hash.update(blobs.summary);
  return hash.digest('hex');
}
