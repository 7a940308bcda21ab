import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchSearch,
  normaliseForSearch,
  rankSearch,
  searchTokens,
  withinOneEdit,
} from '../../src/directory/index.ts';

describe('directory search text', () => {
  it('ignores case, accents, ligatures, hyphens and apostrophes', () => {
    expect(normaliseForSearch('  Lefèvre-D’Œillet  ')).toBe('lefevre d oeillet');
    expect(searchTokens('Jean-Pierre JEAN')).toEqual(['jean', 'pierre']);
    expect(matchSearch('lefevre', 'Hélène Lefèvre')?.kind).toBe('exact');
    expect(matchSearch('jean pierre', 'Jean-Pierre Durand')?.kind).toBe('exact');
    expect(matchSearch('HELENE', 'hélène')?.kind).toBe('exact');
  });

  it('forgives one typo on words of four letters or more, never on shorter ones', () => {
    expect(matchSearch('lefebre', 'Lefèvre')?.kind).toBe('typo'); // substitution
    expect(matchSearch('lefevr', 'Lefèvre')?.kind).toBe('prefix');
    expect(matchSearch('leffevre', 'Lefèvre')?.kind).toBe('typo'); // insertion
    expect(matchSearch('lfevre', 'Lefèvre')?.kind).toBe('typo'); // deletion
    expect(matchSearch('lefveer', 'Lefèvre')).toBeNull(); // two edits
    expect(matchSearch('elfevre', 'Lefèvre')?.kind).toBe('typo'); // neighbours swapped
    expect(matchSearch('mrtin', 'Martin')?.kind).toBe('typo');
    expect(matchSearch('rin', 'Ron')).toBeNull(); // short word: no typo
    expect(matchSearch('dupomt', 'Dupont')?.kind).toBe('typo');
  });

  it('needs every word of the query to match', () => {
    expect(matchSearch('marie curie', 'Marie Dupont')).toBeNull();
    expect(matchSearch('', 'Marie')).toBeNull();
    expect(matchSearch('car', 'Cardiologie, CHU de Brest')?.kind).toBe('prefix');
  });

  it('ranks exact before prefix before typo, keeping the given order among equals', () => {
    const names = ['Martine Petit', 'Marton Leroy', 'Martin Dubois', 'Martin Moreau', 'Mrtin Faux'];
    expect(rankSearch('martin', names, (n) => n)).toEqual([
      'Martin Dubois',
      'Martin Moreau',
      'Martine Petit',
      'Marton Leroy',
      'Mrtin Faux',
    ]);
  });

  it('one edit, by the definition: symmetric, and every single edit is accepted', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(fc.property(word, word, (a, b) => withinOneEdit(a, b) === withinOneEdit(b, a)));
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('a', 'z', 'e'), (w, at, letter) => {
        const i = at % (w.length + 1);
        const inserted = w.slice(0, i) + letter + w.slice(i);
        const deleted = w.length > 0 ? w.slice(0, i % w.length) + w.slice((i % w.length) + 1) : w;
        const replaced = w.length > 0 ? w.slice(0, i % w.length) + letter + w.slice((i % w.length) + 1) : w;
        return withinOneEdit(w, inserted) && withinOneEdit(w, deleted) && withinOneEdit(w, replaced);
      }),
    );
    fc.assert(fc.property(word, (w) => !withinOneEdit(w, `${w}xy`)));
  });
});
