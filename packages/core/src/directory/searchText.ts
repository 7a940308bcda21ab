/**
 * How directory search reads names: "lefevre" finds "Lefèvre", "jean pierre" finds "Jean-Pierre", and
 * one typo is forgiven on words of four letters or more. The databases find candidates (SQLite FTS5
 * with diacritics removed and trigrams, PostgreSQL pg_trgm with unaccent); this module is the one
 * definition of what matches and how well, shared by the server's ranking and by clients.
 */

/** Letters that decomposition (NFD) does not split but French names use. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/** Lower case, no accents, ligatures spelled out; hyphens, apostrophes and punctuation become spaces. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct words of a text, normalised, in order of first appearance. */
export function searchTokens(text: string): string[] {
  const normalised = normaliseForSearch(text);
  return normalised === '' ? [] : [...new Set(normalised.split(' '))];
}

/** True when `a` becomes `b` with at most one substitution, insertion, deletion or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (Math.abs(lengthGap) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (lengthGap === 0) {
    // One substitution (the rest equal), or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more in the longer word at the first difference.
  return lengthGap > 0 ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A typo is forgiven only on words this long: on short words one edit makes another word. */
export const TYPO_MIN_LENGTH = 4;

export type MatchKind = 'exact' | 'prefix' | 'typo';
const STRENGTH: Record<MatchKind, number> = { exact: 3, prefix: 2, typo: 1 };

function wordMatch(queryWord: string, candidateWords: readonly string[]): MatchKind | null {
  let best: MatchKind | null = null;
  for (const word of candidateWords) {
    if (word === queryWord) return 'exact';
    if (word.startsWith(queryWord)) best = 'prefix';
    else if (best === null && queryWord.length >= TYPO_MIN_LENGTH) {
      // A typo in a word typed in full, or in the part typed so far of a longer word.
      const sameLength = word.slice(0, queryWord.length);
      if (
        withinOneEdit(queryWord, word) ||
        withinOneEdit(queryWord, sameLength) ||
        withinOneEdit(queryWord, word.slice(0, queryWord.length - 1)) ||
        withinOneEdit(queryWord, word.slice(0, queryWord.length + 1))
      ) {
        best = 'typo';
      }
    }
  }
  return best;
}

export interface SearchMatch {
  /** The weakest of the query words' matches: a result is as good as its worst word. */
  kind: MatchKind;
  /** Higher is better: sorts exact before prefix before typo, then by how many words matched exactly. */
  score: number;
}

/**
 * Whether every word of the query matches a word of the candidate (exactly, as a prefix, or with one
 * typo), and how well. Null when some query word matches nothing, or the query is empty.
 */
export function matchSearch(query: string, candidate: string): SearchMatch | null {
  const queryWords = searchTokens(query);
  if (queryWords.length === 0) return null;
  const candidateWords = searchTokens(candidate);
  let weakest: MatchKind = 'exact';
  let total = 0;
  for (const queryWord of queryWords) {
    const kind = wordMatch(queryWord, candidateWords);
    if (kind === null) return null;
    if (STRENGTH[kind] < STRENGTH[weakest]) weakest = kind;
    total += STRENGTH[kind];
  }
  return { kind: weakest, score: STRENGTH[weakest] * 1000 + total };
}

/** Candidates that match, best first; ties keep the candidates' order (the database's). */
export function rankSearch<T>(query: string, candidates: readonly T[], text: (item: T) => string): T[] {
  return candidates
    .map((item, index) => ({ item, index, match: matchSearch(query, text(item)) }))
    .filter((c): c is { item: T; index: number; match: SearchMatch } => c.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.index - b.index)
    .map((c) => c.item);
}
