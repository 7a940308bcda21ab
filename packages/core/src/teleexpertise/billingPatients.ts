import { frenchDay } from './parisTime.ts';
import type { TePatient } from './requestContent.ts';

/**
 * Whether two requests are about the same patient, for the yearly limit. The NIR decides when both
 * requests carry one; otherwise names and birth date, compared without accents, case, spaces, hyphens
 * or apostrophes ("Lefèvre-Dupont" and "LEFEVRE DUPONT" are one person), since requesters type them.
 */
export function normaliseName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLocaleUpperCase('fr-FR')
      // Ligatures do not decompose: "Cœur" and "Coeur" are spelt both ways.
      .replace(/Œ/g, 'OE')
      .replace(/Æ/g, 'AE')
      .replace(/[^A-Z0-9]/g, '')
  );
}

export function samePatient(a: TePatient, b: TePatient): boolean {
  if (a.nir !== undefined && b.nir !== undefined) return a.nir === b.nir;
  return (
    a.birthDate === b.birthDate &&
    normaliseName(a.lastName) === normaliseName(b.lastName) &&
    normaliseName(a.firstName) === normaliseName(b.firstName)
  );
}

/** "DUPONT Jean, 03/02/1950", as the warning names the patient to the expert. */
export function patientLabel(p: TePatient): string {
  return `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}, ${frenchDay(p.birthDate)}`;
}
