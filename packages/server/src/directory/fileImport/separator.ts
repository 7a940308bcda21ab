/**
 * The CSV separator, read from the header line: French Excel writes ';', English Excel and most
 * scripts ',', "Unicode text" and copy-paste give tabs. The header never legitimately contains the
 * other two characters outside quotes, so the most frequent one wins.
 */

export type Separator = ';' | ',' | '\t';

export interface SeparatorChoice {
  separator: Separator;
  /** Lines before the header that are not data: Excel's "sep=;" hint line. */
  hintLines: number;
}

/** Order used to break ties (and when the header has a single column): French files first. */
const CANDIDATES: readonly Separator[] = [';', '\t', ','];

const SEP_HINT = /^sep=([;,\t])\r?$/i;

function isCandidate(char: string): char is Separator {
  return char === ';' || char === ',' || char === '\t';
}

/** Start of the first line that holds something other than spaces. */
function firstFilledLine(text: string): number {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const lineEnd = end < 0 ? text.length : end;
    if (text.slice(start, lineEnd).trim() !== '') return start;
    start = lineEnd + 1;
  }
  return text.length;
}

export function detectSeparator(text: string): SeparatorChoice {
  const firstLineEnd = text.indexOf('\n');
  const hinted = SEP_HINT.exec(firstLineEnd < 0 ? text : text.slice(0, firstLineEnd))?.[1];
  if (hinted !== undefined && isCandidate(hinted)) return { separator: hinted, hintLines: 1 };

  const counts = new Map<Separator, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = firstFilledLine(text); i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && isCandidate(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: Separator = CANDIDATES[0]!;
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return { separator: best, hintLines: 0 };
}
