import { describe, expect, it } from 'vitest';
import {
  isProfession,
  isSpecialty,
  professionLabel,
  specialtyLabel,
  TRE_G15,
  TRE_R38,
} from '../src/index.ts';

describe('TRE_G15 professions', () => {
  it('labels the usual professions in French and English', () => {
    expect(professionLabel('10')).toBe('Médecin');
    expect(professionLabel('21', 'fr')).toBe('Pharmacien');
    expect(professionLabel('40')).toBe('Chirurgien-Dentiste');
    expect(professionLabel('50')).toBe('Sage-Femme');
    expect(professionLabel('60')).toBe('Infirmier');
    expect(professionLabel('70')).toBe('Masseur-Kinésithérapeute');
    expect(professionLabel('10', 'en')).toBe('Physician');
    expect(professionLabel('50', 'en')).toBe('Midwife');
  });

  it('knows unknown codes are unknown', () => {
    expect(isProfession('10')).toBe(true);
    expect(isProfession('11')).toBe(false);
    expect(professionLabel('11')).toBeNull();
  });

  it('still recognises retired codes, flagged as such', () => {
    expect(isProfession('93')).toBe(true);
    expect(TRE_G15.codes.find((c) => c.code === '93')).toMatchObject({ deprecated: true });
  });
});

describe('TRE_R38 specialties', () => {
  it('labels the specialties the design names', () => {
    expect(specialtyLabel('SM04')).toBe('Cardiologie et Maladies vasculaires');
    expect(specialtyLabel('SM15')).toBe('Dermatologie et Vénéréologie');
    expect(specialtyLabel('SM38')).toBe('Ophtalmologie');
    expect(specialtyLabel('SM54')).toBe('Médecine générale');
    expect(specialtyLabel('SM54', 'en')).toBe('General practice');
  });

  it('covers SM01..SM95 without gaps, plus the dental, nursing and pharmacy prefixes', () => {
    for (let n = 1; n <= 95; n++) expect(isSpecialty(`SM${String(n).padStart(2, '0')}`)).toBe(true);
    expect(isSpecialty('SM96')).toBe(false);
    expect(isSpecialty('SCD01')).toBe(true);
    expect(isSpecialty('SI05')).toBe(true);
    expect(isSpecialty('sm54')).toBe(false);
  });
});

describe('code lists', () => {
  it.each([TRE_G15, TRE_R38])('$id has a source, a version, unique codes and both labels', (list) => {
    expect(list.source).toMatch(/^ANS, https:\/\/mos\.esante\.gouv\.fr\//);
    expect(list.version).toMatch(/^\d{14}$/);
    const codes = list.codes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of list.codes) {
      expect(entry.label.trim()).toBe(entry.label);
      expect(entry.label).not.toMatch(/\((SM|SCD|SI|SP)\)$/);
      expect(entry.labelEn.length).toBeGreaterThan(0);
    }
  });
});
