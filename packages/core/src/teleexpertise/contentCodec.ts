import type { z } from 'zod';
import { fromUtf8, utf8 } from '../crypto/bytes.ts';
import { ResponseError } from './responseSchema.ts';

/**
 * The plaintexts of tele-expertise envelopes (request, note, answer) are compact UTF-8 JSON. They are
 * decoded on a device after decryption, from a sender the server cannot vouch for: anything that is
 * not the expected shape is a ResponseError (RESPONSE_INVALID) naming where it went wrong.
 */

export const encodeJson = (value: unknown): Uint8Array => utf8(JSON.stringify(value));

const pathText = (path: readonly PropertyKey[]) =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');

/** Throws ResponseError with the first issue's path (e.g. `.patient.birthDate`). */
export function parseContent<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = pathText(issue.path);
  throw new ResponseError('RESPONSE_INVALID', path, `not a ${what} (${path || '$'}: ${issue.message})`);
}

export function decodeJson<S extends z.ZodType>(schema: S, bytes: Uint8Array, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(bytes));
  } catch {
    throw new ResponseError('RESPONSE_INVALID', '', `not a ${what}: the bytes are not UTF-8 JSON`);
  }
  return parseContent(schema, json, what);
}
