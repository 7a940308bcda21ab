/**
 * Charter texts are numbered articles, one paragraph each: "Article 4 — Answerable addresses. …".
 * Refusals cite articles by number (4 no-reply, 5 bulk mail, 6 letter format, 7 directory), so a new
 * version must keep articles 1 to 7 at least, numbered in order, or the citations would point at the
 * wrong text.
 */
export interface CharterArticle {
  number: number;
  /** The words between the dash and the first full stop ("Answerable addresses"). */
  heading: string;
  /** The whole paragraph after "Article N — ". */
  text: string;
}

/** The highest article number the code cites. */
export const HIGHEST_CITED_ARTICLE = 7;

const ARTICLE_START = /^Article\s+(\d{1,3})\s*[—–-]\s*(.*)$/;

export function charterArticles(text: string): CharterArticle[] {
  const articles: CharterArticle[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const match = ARTICLE_START.exec(line.trim());
    if (match) {
      const body = match[2]!.trim();
      const stop = body.indexOf('.');
      articles.push({
        number: Number(match[1]),
        heading: stop === -1 ? body : body.slice(0, stop),
        text: body,
      });
    } else if (articles.length > 0 && line.trim() !== '') {
      // A continuation line belongs to the article above it.
      const last = articles[articles.length - 1]!;
      last.text = `${last.text}\n${line.trim()}`;
    }
  }
  return articles;
}

/** Why a charter text cannot be published, or null when its articles are numbered 1, 2, 3… up to at least 7. */
export function charterTextProblem(text: string): string | null {
  const articles = charterArticles(text);
  if (articles.length < HIGHEST_CITED_ARTICLE) {
    return `The charter needs at least ${HIGHEST_CITED_ARTICLE} articles ("Article 1 — …" to "Article ${HIGHEST_CITED_ARTICLE} — …"); found ${articles.length}.`;
  }
  const misplaced = articles.findIndex((a, i) => a.number !== i + 1);
  if (misplaced !== -1) {
    return `Articles must be numbered 1, 2, 3… in order: the article in position ${misplaced + 1} is numbered ${articles[misplaced]!.number}.`;
  }
  return null;
}

/** One article of a charter text, for a refusal that cites it. */
export function charterArticle(text: string, number: number): CharterArticle | null {
  return charterArticles(text).find((a) => a.number === number) ?? null;
}
