import { TRE_G15 } from './treG15.ts';
import { TRE_R38 } from './treR38.ts';
import type { CodeEntry, CodeList, Lang } from './types.ts';

export type ProfessionCode = (typeof TRE_G15.codes)[number]['code'];
export type SpecialtyCode = (typeof TRE_R38.codes)[number]['code'];

function indexByCode(list: CodeList): ReadonlyMap<string, CodeEntry> {
  return new Map(list.codes.map((entry) => [entry.code, entry]));
}

const PROFESSIONS = indexByCode(TRE_G15);
const SPECIALTIES = indexByCode(TRE_R38);

function labelOf(entry: CodeEntry | undefined, lang: Lang): string | null {
  if (entry === undefined) return null;
  return lang === 'en' ? entry.labelEn : entry.label;
}

/**
 * Deprecated codes are still recognised: national extracts and old records carry them. Pickers for
 * new entries should filter on `deprecated` from the list itself.
 */
export function isProfession(code: string): code is ProfessionCode {
  return PROFESSIONS.has(code);
}

export function isSpecialty(code: string): code is SpecialtyCode {
  return SPECIALTIES.has(code);
}

/** Label of a TRE_G15 profession code, or null when the code is not in the list. */
export function professionLabel(code: string, lang: Lang = 'fr'): string | null {
  return labelOf(PROFESSIONS.get(code), lang);
}

/** Label of a TRE_R38 specialty code, or null when the code is not in the list. */
export function specialtyLabel(code: string, lang: Lang = 'fr'): string | null {
  return labelOf(SPECIALTIES.get(code), lang);
}
