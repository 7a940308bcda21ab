/**
 * Every Liaison address must accept answers (usage charter, article 4): a colleague who replies to
 * a lab result or a discharge letter must reach someone. "No-reply" style addresses are therefore
 * refused wherever an address is created or a message is sent from one.
 *
 * Detection works on the local part after normalisation (case, accents, separators and digits
 * removed), so "NePasRépondre", "ne_pas_repondre" and "no-reply-42" all look alike.
 */

/** The article of the usage charter that requires every address to be answerable. */
export const NO_REPLY_CHARTER_ARTICLE = 4;

/**
 * Tokens that mean "do not answer" wherever they appear in the normalised local part; none of them
 * is a substring of a plausible name or service word.
 */
const ANYWHERE_TOKENS: readonly string[] = [
  'noreply',
  'donotreply',
  'dontreply',
  'donotrespond',
  'donotanswer',
  'noresponse',
  'noanswer',
  'mailerdaemon',
  'nepasrepond', // ne pas répondre, ne pas répondez…
  'nerepondezpas',
  'nerepondpas',
  'nerepondspas',
  'pasdereponse',
  'sansreponse',
];

/**
 * Tokens that are only trusted as whole words: written inside a longer word they would also match
 * names ("anne.reponse" ends in "nereponse", "bruno.reponse" contains "noreponse").
 */
const WHOLE_WORD_TOKENS: ReadonlySet<string> = new Set(['nereponse', 'noreponse', 'nereponds', 'norep']);

/** Lower case, accents stripped (NFD), separators (. - _ + space) and digits dropped. */
export function normaliseLocalPart(s: string): string {
  return stripAccents(s.toLowerCase()).replace(/[.\-_+\s0-9]/g, '');
}

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Words of the local part: split on separators and digits, and on lower-to-upper case changes so
 * that "NeReponse" reads as "ne" "reponse".
 */
function words(localPart: string): string[] {
  return stripAccents(localPart)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[.\-_+\s0-9]+/)
    .filter((w) => w.length > 0);
}

/** True when some run of consecutive words, glued together, is exactly a whole-word token. */
function hasWholeWordToken(ws: readonly string[]): boolean {
  for (let start = 0; start < ws.length; start++) {
    let glued = '';
    for (let end = start; end < ws.length; end++) {
      glued += ws[end];
      if (WHOLE_WORD_TOKENS.has(glued)) return true;
    }
  }
  return false;
}

function isNoReplyLocalPart(localPart: string): boolean {
  const normalised = normaliseLocalPart(localPart);
  if (ANYWHERE_TOKENS.some((token) => normalised.includes(token))) return true;
  return hasWholeWordToken(words(localPart));
}

/**
 * True when the address (or a bare local part) is a no-reply style address. A domain label such as
 * "noreply.hopital.fr" counts too, since mail sent from it cannot be answered either.
 */
export function isNoReplyAddress(address: string): boolean {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  const localPart = at === -1 ? trimmed : trimmed.slice(0, at);
  if (isNoReplyLocalPart(localPart)) return true;
  if (at === -1) return false;
  return trimmed
    .slice(at + 1)
    .split('.')
    .some((label) => ANYWHERE_TOKENS.some((token) => normaliseLocalPart(label).includes(token)));
}
