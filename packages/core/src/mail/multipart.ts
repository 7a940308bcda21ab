/**
 * multipart/* bodies (RFC 2046 §5.1): splitting on delimiter lines, and choosing a boundary for ours.
 * Splitting works on the bytes, without turning attachments into strings.
 */
import { toHex } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/engine.ts';
import { CryptoError } from '../crypto/errors.ts';

const LF = 0x0a;
const CR = 0x0d;

/**
 * "=_" cannot occur in base64 nor in an encoded word, and 144 random bits make a collision with any
 * other text hopeless; the builder still checks the parts before using it.
 */
export function randomBoundary(): string {
  return `=_liaison_${toHex(randomBytes(18))}`;
}

function startsWithAt(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** What follows `--boundary` on a line: a delimiter ("" or transport padding), the close ("--"), or not ours. */
function delimiterKind(bytes: Uint8Array, after: number): { kind: 'open' | 'close'; lineEnd: number } | null {
  let i = after;
  let kind: 'open' | 'close' = 'open';
  if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d) {
    kind = 'close';
    i += 2;
  }
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09)) i++;
  if (i < bytes.length && bytes[i] === CR) i++;
  if (i < bytes.length && bytes[i] !== LF) return null;
  return { kind, lineEnd: i };
}

/**
 * The body parts between the delimiter lines, without the line break that belongs to each delimiter.
 * The preamble and the epilogue are ignored. A missing close delimiter is tolerated (the last part runs
 * to the end); no delimiter at all is not.
 */
export function splitMultipart(body: Uint8Array, boundary: string): Uint8Array[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: Uint8Array[] = [];
  let partStart = -1;
  let lineStart = 0;
  while (lineStart < body.length) {
    const found = startsWithAt(body, lineStart, delimiter)
      ? delimiterKind(body, lineStart + delimiter.length)
      : null;
    if (found) {
      if (partStart >= 0) {
        // The CRLF (or LF) before the delimiter is part of the delimiter (RFC 2046 §5.1.1).
        let end = lineStart;
        if (end > partStart && body[end - 1] === LF) end--;
        if (end > partStart && body[end - 1] === CR) end--;
        parts.push(body.subarray(partStart, end));
      }
      if (found.kind === 'close') return parts;
      partStart = found.lineEnd + 1;
      lineStart = partStart;
      continue;
    }
    const next = body.indexOf(LF, lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  if (partStart < 0) throw new CryptoError('LETTER_MALFORMED', 'multipart without a delimiter line');
  parts.push(body.subarray(Math.min(partStart, body.length)));
  return parts;
}
