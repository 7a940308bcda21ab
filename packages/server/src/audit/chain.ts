import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

/** The prev_hash of event 1: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Exactly the fields the hash covers; `details` is the parsed JSON value, not its stored text. */
export interface ChainedFields {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: unknown;
  prev_hash: string;
}

/**
 * SHA-256 (hex) over the canonical JSON of the event with its predecessor's hash, so changing any
 * field of any event, or removing one, breaks every link after it.
 */
export function eventHash(fields: ChainedFields): string {
  const { seq, at, actor, action, target, details, prev_hash } = fields;
  const canonical = canonicalJson({ seq, at, actor, action, target, details, prev_hash });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
