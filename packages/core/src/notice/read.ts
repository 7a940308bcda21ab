/**
 * Getting the notice back from an opened letter (or any JSON that claims to be one, such as the copy
 * in the encrypted summary), held to the schema: a letter is only a notice if its part says so and
 * reads as one.
 */
import { CryptoError } from '../crypto/errors.ts';
import type { Letter } from '../mail/letter.ts';
import { NOTICE_CONTENT_TYPE } from './letter.ts';
import { PatientNotice } from './schema.ts';

/** A notice from decoded JSON; anything else is LETTER_MALFORMED (the detail names fields, not values). */
export function parseNotice(json: unknown): PatientNotice {
  const parsed = PatientNotice.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(notice)'))].join(', ');
    throw new CryptoError('LETTER_MALFORMED', `the notice does not hold: ${fields}`);
  }
  return parsed.data;
}

/** The notice part's JSON, decoded and checked. */
export function decodeNotice(bytes: Uint8Array): PatientNotice {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // No cause: a JSON parse error quotes the text, which is patient data.
    throw new CryptoError('LETTER_MALFORMED', 'the notice part is not UTF-8 JSON');
  }
  return parseNotice(json);
}

/** The letter's notice, or null when it has no notice part (an ordinary letter). */
export function readNotice(opened: { letter: Letter } | Letter): PatientNotice | null {
  const letter = 'letter' in opened ? opened.letter : opened;
  const parts = letter.attachments.filter((a) => a.contentType.toLowerCase() === NOTICE_CONTENT_TYPE);
  if (parts.length === 0) return null;
  if (parts.length > 1) throw new CryptoError('LETTER_MALFORMED', 'more than one notice part');
  return decodeNotice(parts[0]!.content);
}
