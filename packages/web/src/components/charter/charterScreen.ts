import type { Me } from '@liaison/core/api/index';
import { charterArticles, type CharterArticle } from '@liaison/core/policy/charterArticles';

/**
 * When the charter screen replaces a page, and how a charter text is laid out on it. Pure, tested in
 * test/charterScreen.test.ts.
 */

type CharterState = Pick<Me, 'charterVersion' | 'charterCurrentVersion'>;

/** The person has not accepted the version in force (never accepted one, or a newer one came out). */
export function needsCharterAcceptance(me: CharterState): boolean {
  return me.charterVersion !== me.charterCurrentVersion;
}

/** « Acceptez la charte » for a first acceptance, « La charte a changé » when they accepted an older one. */
export function charterScreenKind(me: CharterState): 'first' | 'changed' {
  return me.charterVersion === null ? 'first' : 'changed';
}

const ARTICLE_LINE = /^Article\s+\d{1,3}\s*[—–-]/;

export interface CharterLayout {
  /** Any text before "Article 1 — …" (an introduction), else ''. */
  preamble: string;
  articles: CharterArticle[];
}

export function charterLayout(text: string): CharterLayout {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => ARTICLE_LINE.test(line.trim()));
  const preamble = (first === -1 ? [] : lines.slice(0, first)).join('\n').trim();
  return { preamble, articles: charterArticles(text) };
}

/**
 * An article's words after its heading ("Pas d'envois de masse. Liaison n'est pas…" → "Liaison n'est
 * pas…"), since the heading is shown as the article's title.
 */
export function articleBody(article: CharterArticle): string {
  const heading = article.heading.trim();
  const text = article.text.trim();
  if (heading === '' || !text.startsWith(heading)) return text;
  return text
    .slice(heading.length)
    .replace(/^\.\s*/, '')
    .trim();
}
