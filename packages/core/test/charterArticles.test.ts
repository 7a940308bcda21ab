import { describe, expect, it } from 'vitest';
import { charterArticle, charterArticles, charterTextProblem } from '../src/index.ts';

const seven = Array.from(
  { length: 7 },
  (_, i) => `Article ${i + 1} — Titre ${i + 1}. Le texte de l'article ${i + 1}.`,
).join('\n\n');

describe('charter articles', () => {
  it('reads numbered articles with their heading and text, continuation lines included', () => {
    const articles = charterArticles(`${seven}\nUne ligne de plus pour l'article 7.`);
    expect(articles).toHaveLength(7);
    expect(articles[4]).toMatchObject({ number: 5, heading: 'Titre 5' });
    expect(articles[6]!.text).toContain("Une ligne de plus pour l'article 7.");
  });

  it('finds one article by number, or null', () => {
    expect(charterArticle(seven, 4)?.heading).toBe('Titre 4');
    expect(charterArticle(seven, 12)).toBeNull();
  });

  it('accepts articles 1 to 7 or more, in order', () => {
    expect(charterTextProblem(seven)).toBeNull();
    expect(charterTextProblem(`${seven}\n\nArticle 8 — Encore. Un de plus.`)).toBeNull();
  });

  it('refuses a text with too few articles or out of order, since refusals cite them by number', () => {
    expect(charterTextProblem('Article 1 — Seul. Un seul article.')).toMatch(/at least 7 articles/);
    const swapped = seven.replace('Article 5 —', 'Article 9 —');
    expect(charterTextProblem(swapped)).toMatch(/position 5 is numbered 9/);
  });
});
