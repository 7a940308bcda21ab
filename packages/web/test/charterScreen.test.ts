import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  articleBody,
  charterLayout,
  charterScreenKind,
  needsCharterAcceptance,
} from '../src/components/charter/charterScreen.ts';
import { fr } from '../src/i18n/fr.ts';

const TEXT = [
  'La présente charte fixe les règles d’usage de Liaison.',
  '',
  'Article 1 — Objet. Liaison sert aux échanges entre professionnels de santé.',
  "Article 5 — Pas d'envois de masse. Liaison n'est pas un outil de diffusion.",
  'Une annonce passe par un autre canal.',
  'Article 8 — Sans point final',
].join('\n');

describe('when the charter screen replaces the page', () => {
  it('asks while the accepted version is not the one in force', () => {
    expect(needsCharterAcceptance({ charterVersion: 2, charterCurrentVersion: 2 })).toBe(false);
    expect(needsCharterAcceptance({ charterVersion: 1, charterCurrentVersion: 2 })).toBe(true);
    expect(needsCharterAcceptance({ charterVersion: null, charterCurrentVersion: 1 })).toBe(true);
  });

  it('tells a first acceptance from a new version', () => {
    expect(charterScreenKind({ charterVersion: null, charterCurrentVersion: 1 })).toBe('first');
    expect(charterScreenKind({ charterVersion: 1, charterCurrentVersion: 2 })).toBe('changed');
  });
});

describe('charter layout', () => {
  it('keeps the introduction and numbers the articles', () => {
    const { preamble, articles } = charterLayout(TEXT);
    expect(preamble).toBe('La présente charte fixe les règles d’usage de Liaison.');
    expect(articles.map((article) => [article.number, article.heading])).toEqual([
      [1, 'Objet'],
      [5, "Pas d'envois de masse"],
      [8, 'Sans point final'],
    ]);
  });

  it('shows an article’s words after its heading, continuation lines included', () => {
    const { articles } = charterLayout(TEXT);
    expect(articles.map(articleBody)).toEqual([
      'Liaison sert aux échanges entre professionnels de santé.',
      "Liaison n'est pas un outil de diffusion.\nUne annonce passe par un autre canal.",
      '',
    ]);
  });

  it('has no introduction when the text starts with an article, nor articles in free text', () => {
    expect(charterLayout('Article 1 — Objet. Texte.').preamble).toBe('');
    expect(charterLayout('Un texte libre, sans articles numérotés.')).toEqual({ preamble: '', articles: [] });
  });
});

describe('charter screen texts (French)', () => {
  let t: TFunction;
  beforeAll(async () => {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { fr: { translation: fr } },
      lng: 'fr',
      interpolation: { escapeValue: false },
    });
    t = instance.t;
  });

  it('names the screen, the version and the button as the acceptance journey reads them', () => {
    expect(t('quarantine.charter.changedTitle')).toBe("La charte d'utilisation a changé");
    expect(t('quarantine.charter.firstTitle')).toBe("Acceptez la charte d'utilisation");
    expect(t('quarantine.charter.accept', { version: 2 })).toBe(
      "J'ai lu et j'accepte la charte d'utilisation (version 2)",
    );
    expect(t('quarantine.charter.submit')).toBe('Accepter et continuer');
    expect(t('quarantine.charter.article', { number: 5, heading: "Pas d'envois de masse" })).toBe(
      "Article 5 — Pas d'envois de masse",
    );
  });
});
