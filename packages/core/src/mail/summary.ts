/**
 * The encrypted summary an inbox lists without fetching bodies: subject, patient, the first lines and
 * the attachment names, as UTF-8 JSON of at most MAX_SUMMARY_PLAINTEXT_BYTES. It is only a listing
 * hint (encrypted, not signed): the opened, verified letter is what counts.
 */
import { z } from 'zod';
import { MAX_SUMMARY_PLAINTEXT_BYTES } from '../api/mail.ts';
import { utf8 } from '../crypto/bytes.ts';
import { CryptoError } from '../crypto/errors.ts';
import { readNotice } from '../notice/read.ts';
import { PatientNotice } from '../notice/schema.ts';
import type { Letter } from './letter.ts';

export interface LetterSummary {
  subject: string;
  patient: { lastName: string | null; firstName: string | null; birthDate: string | null } | null;
  preview: string;
  attachments: string[];
  /** A patient movement notice's structured content, so a list draws its card without the body. */
  notice?: PatientNotice;
}

/** A patient letter's text starts with the HPRIM header: 12 lines the preview skips. */
export const HPRIM_HEADER_LINES = 12;
/** Preview length, in characters (code points). */
export const PREVIEW_MAX_CHARS = 300;

const ELLIPSIS = '…';

const SummarySchema = z.strictObject({
  subject: z.string(),
  patient: z
    .strictObject({
      lastName: z.string().nullable(),
      firstName: z.string().nullable(),
      birthDate: z.string().nullable(),
    })
    .nullable(),
  preview: z.string(),
  attachments: z.array(z.string()),
  notice: PatientNotice.optional(),
}) satisfies z.ZodType<LetterSummary>;

/** The first `count` code points, with an ellipsis when something was cut ("" stays "", no ellipsis). */
function cut(text: string, count: number): string {
  const chars = Array.from(text);
  if (chars.length <= count) return text;
  return count <= 0 ? '' : chars.slice(0, count).join('') + ELLIPSIS;
}

function preview(text: string, skipHeader: boolean): string {
  const lines = text.split(/\r?\n/).slice(skipHeader ? HPRIM_HEADER_LINES : 0);
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length >= PREVIEW_MAX_CHARS) break;
    kept.push(line.trimEnd());
    length += line.length + 1;
  }
  return cut(kept.join('\n').trimEnd(), PREVIEW_MAX_CHARS);
}

export function summariseLetter(letter: Letter, patient: LetterSummary['patient']): LetterSummary {
  return {
    subject: letter.subject,
    patient,
    preview: preview(letter.text, patient !== null),
    attachments: letter.attachments.map((a) => a.filename),
    ...notice(letter),
  };
}

/** The notice part, when the letter is a notice (it throws on a malformed one: never sealed as such). */
function notice(letter: Letter): Pick<LetterSummary, 'notice'> {
  const found = readNotice(letter);
  return found === null ? {} : { notice: found };
}

/** Exactly the schema's fields, so what we encode is what decodeSummary accepts. */
function clean(s: LetterSummary): LetterSummary {
  return {
    subject: String(s.subject),
    patient: s.patient
      ? {
          lastName: s.patient.lastName ?? null,
          firstName: s.patient.firstName ?? null,
          birthDate: s.patient.birthDate ?? null,
        }
      : null,
    preview: String(s.preview),
    attachments: s.attachments.map(String),
    ...(s.notice !== undefined ? { notice: s.notice } : {}),
  };
}

const sizeOf = (s: LetterSummary): number => utf8(JSON.stringify(s)).length;
const fits = (s: LetterSummary): boolean => sizeOf(s) <= MAX_SUMMARY_PLAINTEXT_BYTES;

/**
 * The largest `k` in [0, max] for which `make(k)` fits (binary search: the size grows with k), or 0.
 */
function largestFitting(max: number, make: (k: number) => LetterSummary): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(make(mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `text` cut as little as needed for `s` to fit, but never below `floor` characters. */
function shortenText(
  s: LetterSummary,
  text: string,
  put: (s: LetterSummary, v: string) => LetterSummary,
  floor = 0,
): LetterSummary {
  const length = Array.from(text).length;
  const k = largestFitting(length, (n) => put(s, cut(text, n)));
  return put(s, cut(text, Math.max(k, Math.min(floor, length))));
}

function withNames(s: LetterSummary, names: string[], keep: number): LetterSummary {
  const dropped = names.length - keep;
  return { ...s, attachments: [...names.slice(0, keep), ...(dropped > 0 ? [`+${dropped}`] : [])] };
}

/**
 * A subject is cut to this many characters before attachment names are dropped: an inbox line with
 * the subject's start and the names says more than one with neither.
 */
export const SUMMARY_SUBJECT_KEEP_CHARS = 200;

const putSubject = (t: LetterSummary, subject: string): LetterSummary => ({ ...t, subject });

/**
 * UTF-8 JSON within MAX_SUMMARY_PLAINTEXT_BYTES. Too long: the preview is shortened, then the subject
 * (first to SUMMARY_SUBJECT_KEEP_CHARS), then attachment names are dropped from the end behind a "+N"
 * count, then the subject is shortened further, then the patient's fields. The last steps always fit
 * (what remains is a few bytes), so user input never throws.
 */
export function encodeSummary(summary: LetterSummary): Uint8Array {
  let s = clean(summary);
  if (!fits(s)) s = shortenText(s, s.preview, (t, preview) => ({ ...t, preview }));
  if (!fits(s)) s = shortenText(s, s.subject, putSubject, SUMMARY_SUBJECT_KEEP_CHARS);
  if (!fits(s)) {
    const names = s.attachments;
    s = withNames(
      s,
      names,
      largestFitting(names.length, (k) => withNames(s, names, k)),
    );
  }
  if (!fits(s)) s = shortenText(s, s.subject, putSubject);
  for (const field of ['lastName', 'firstName', 'birthDate'] as const) {
    const value = s.patient?.[field];
    if (fits(s) || value === null || value === undefined) continue;
    s = shortenText(s, value, (t, v) => ({ ...t, patient: t.patient && { ...t.patient, [field]: v } }));
  }
  // A notice is bounded well under the limit (NOTICE_MAX_JSON_BYTES); should it still not fit, the card
  // is lost from the list, never the summary: the opened letter has the notice anyway.
  if (!fits(s)) {
    const { notice: _dropped, ...rest } = s;
    s = rest;
  }
  return utf8(JSON.stringify(s));
}

/** Reads a decrypted summary: at most 4096 bytes (SUMMARY_TOO_LARGE), UTF-8 JSON of the exact shape. */
export function decodeSummary(bytes: Uint8Array): LetterSummary {
  if (bytes.length > MAX_SUMMARY_PLAINTEXT_BYTES) {
    throw new CryptoError('SUMMARY_TOO_LARGE', `${bytes.length} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // No cause: a JSON parse error quotes the text it choked on.
    throw new CryptoError('LETTER_MALFORMED', 'summary is not UTF-8 JSON');
  }
  const parsed = SummarySchema.safeParse(json);
  if (!parsed.success) throw new CryptoError('LETTER_MALFORMED', 'summary does not have the summary fields');
  return parsed.data;
}
