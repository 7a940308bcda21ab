/** Readings of one cell's text that do not depend on the rest of the row. */
import type { MailboxKind } from '@liaison/core/api/common';
import { MAX_QUOTED_LENGTH } from './limits.ts';

/** Lower case, accents dropped, only letters and digits kept: "Spécialité " and "specialite" meet. */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A value quoted back in a message, clipped so that a long cell cannot make a long message. */
export function quoteValue(text: string): string {
  const clipped = text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text;
  return `"${clipped}"`;
}

/**
 * Text a spreadsheet would run as a formula when the directory is exported and opened again (CSV
 * injection). "=" always starts a formula. "+", "-" and "@" do too, but they also start phone
 * numbers (+33…) and placeholder dashes, so they are refused only before a letter and with a "("
 * (a function call: -SUM(…), @HYPERLINK(…)) or a "|" (a DDE call: +cmd|'/C calc'!A0).
 */
export function looksLikeFormula(text: string): boolean {
  // Most cells start with a letter or a digit: decide on the first visible character, cheaply.
  let at = 0;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  const first = text[at];
  if (first === '=') return true;
  if (first !== '+' && first !== '-' && first !== '@') return false;
  return /^\p{L}/u.test(text.slice(at + 1, at + 3)) && (text.includes('(') || text.includes('|'));
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0']);

/** oui/non, yes/no, 1/0, true/false, and "x" for a ticked box; null when it is none of them. */
export function readYesNo(text: string): boolean | null {
  const word = normaliseWord(text);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

const MAILBOX_KIND_WORDS: ReadonlyMap<string, MailboxKind> = new Map([
  ['per', 'PER'],
  ['personnelle', 'PER'],
  ['personnel', 'PER'],
  ['nominative', 'PER'],
  ['personal', 'PER'],
  ['org', 'ORG'],
  ['organisationnelle', 'ORG'],
  ['organisation', 'ORG'],
  ['organizational', 'ORG'],
  ['organisational', 'ORG'],
  ['service', 'ORG'],
  ['app', 'APP'],
  ['applicative', 'APP'],
  ['application', 'APP'],
  ['cab', 'CAB'],
  ['cabinet', 'CAB'],
  ['practice', 'CAB'],
]);

/** PER/ORG/APP/CAB, or the French or English word for one; null when unknown. */
export function readMailboxKind(text: string): MailboxKind | null {
  return MAILBOX_KIND_WORDS.get(normaliseWord(text)) ?? null;
}
