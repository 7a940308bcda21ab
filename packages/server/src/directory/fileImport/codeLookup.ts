/**
 * Specialty and profession cells hold a code ("SM54"), a label ("Médecine générale", "General
 * practice"), or both ("SM54 - Médecine générale"). Labels come from the reference lists themselves
 * (TRE_R38, TRE_G15), compared without case, accents or punctuation.
 */
import { TRE_G15, TRE_R38, type CodeList } from '@liaison/core/codes/index';

export type CodeResolution =
  | { kind: 'code'; code: string }
  /** The label names several codes (TRE_R38 has "Chirurgie orale" for a dentist and a physician). */
  | { kind: 'ambiguous'; codes: readonly string[] }
  | { kind: 'unknown' };

function normaliseLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "SM54 - Médecine générale", "SM54 Médecine générale", "10 : Médecin": a code, then its label. */
const LEADING_CODE = /^([a-z0-9]+)(?:\s*[-–—:|/]\s*|\s+)\S/i;

interface CodeIndex {
  readonly codes: ReadonlySet<string>;
  readonly byLabel: ReadonlyMap<string, readonly string[]>;
}

function indexList(list: CodeList): CodeIndex {
  const byLabel = new Map<string, string[]>();
  const deprecated = new Set(list.codes.filter((c) => c.deprecated === true).map((c) => c.code));
  for (const entry of list.codes) {
    for (const label of [entry.label, entry.labelEn]) {
      const key = normaliseLabel(label);
      const codes = byLabel.get(key) ?? [];
      if (!codes.includes(entry.code)) codes.push(entry.code);
      byLabel.set(key, codes);
    }
  }
  // A label shared by a retired code and a current one means the current one.
  for (const [key, codes] of byLabel) {
    const current = codes.filter((code) => !deprecated.has(code));
    if (current.length > 0 && current.length < codes.length) byLabel.set(key, current);
  }
  return { codes: new Set(list.codes.map((c) => c.code)), byLabel };
}

function resolve(index: CodeIndex, text: string): CodeResolution {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (index.codes.has(upper)) return { kind: 'code', code: upper };
  const leading = LEADING_CODE.exec(trimmed)?.[1]?.toUpperCase();
  if (leading !== undefined && index.codes.has(leading)) return { kind: 'code', code: leading };
  const codes = index.byLabel.get(normaliseLabel(trimmed));
  if (codes === undefined) return { kind: 'unknown' };
  return codes.length === 1 ? { kind: 'code', code: codes[0]! } : { kind: 'ambiguous', codes };
}

/**
 * A file repeats the same few specialties on every row: answers are remembered per text, in a
 * bounded map so that a file of all-different junk cannot grow it without limit.
 */
function remembering(index: CodeIndex): (text: string) => CodeResolution {
  const seen = new Map<string, CodeResolution>();
  return (text) => {
    let found = seen.get(text);
    if (found === undefined) {
      found = resolve(index, text);
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(text, found);
    }
    return found;
  };
}

const MAX_REMEMBERED = 1000;

export const resolveSpecialty = remembering(indexList(TRE_R38));
export const resolveProfession = remembering(indexList(TRE_G15));
