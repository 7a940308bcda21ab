import { professionLabel, specialtyLabel, TRE_G15, TRE_R38, type CodeEntry } from '@liaison/core/codes/index';

export interface Option {
  value: string;
  label: string;
}

function label(entry: CodeEntry, language: string): string {
  return language === 'en' ? entry.labelEn : entry.label;
}

function sortedOptions(entries: readonly CodeEntry[], language: string): Option[] {
  return entries
    .map((entry) => ({ value: entry.code, label: label(entry, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** Professions offered for new registrations: retired codes stay readable but are not proposed. */
export function professionOptions(language: string): Option[] {
  return sortedOptions(
    TRE_G15.codes.filter((entry: CodeEntry) => !entry.deprecated),
    language,
  );
}

/**
 * TRE_R38 specialties belong to an order, shown by their prefix: a physician picks among SM…, a
 * dentist among SCD…; other professions have no ordinal specialty, so the field is hidden for them.
 */
const SPECIALTY_PREFIX: Record<string, string> = { '10': 'SM', '21': 'SP', '40': 'SCD', '60': 'SI' };

export function specialtyOptions(profession: string | null, language: string): Option[] {
  const prefix = profession === null ? undefined : SPECIALTY_PREFIX[profession];
  if (prefix === undefined) return [];
  return sortedOptions(
    TRE_R38.codes.filter(
      (entry: CodeEntry) => !entry.deprecated && entry.code.replace(/[0-9]+$/, '') === prefix,
    ),
    language,
  );
}

/** A code's label for display, or the raw code when the list does not know it (newer server data). */
export function professionName(code: string | null, language: string): string | null {
  if (code === null) return null;
  return professionLabel(code, language === 'en' ? 'en' : 'fr') ?? code;
}

export function specialtyName(code: string | null, language: string): string | null {
  if (code === null) return null;
  return specialtyLabel(code, language === 'en' ? 'en' : 'fr') ?? code;
}
