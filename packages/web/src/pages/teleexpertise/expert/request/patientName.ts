import type { TePatient } from '@liaison/core/teleexpertise/requestContent';

/** "DURAND Anne": the way hospital lists write patients (family name first, in capitals). */
export function patientName(patient: Pick<TePatient, 'lastName' | 'firstName'>): string {
  return `${patient.lastName.toLocaleUpperCase('fr-FR')} ${patient.firstName}`;
}
