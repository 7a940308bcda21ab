/**
 * The readable French text of a notice, as the GP reads it in their practice software: one sentence
 * saying what happened to whom, when and where, then the IPP and the note. Dates and times are the
 * ones written in the notice (its own offset), never converted: the establishment's clock is the one
 * its staff and the patient saw.
 */
import type { NoticeKind, PatientNotice } from './schema.ts';

const KIND_WORD: Record<NoticeKind, string> = {
  admission: 'Admission',
  discharge: 'Sortie',
  transfer: 'Transfert',
  death: 'Décès',
};

const KIND_SUBJECT: Record<NoticeKind, string> = {
  admission: 'Avis d’admission',
  discharge: 'Avis de sortie',
  transfer: 'Avis de transfert',
  death: 'Avis de décès',
};

/** 2026-12-06 → 06/12/2026. */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** 2026-12-06T10:40:00+01:00 → "06/12/2026 à 10:40" (the clock time as written). */
export function frenchDateTime(at: string): string {
  return `${frenchDate(at)} à ${at.slice(11, 16)}`;
}

/** "M. DUPONT Jean, né le 03/02/1950" (Mme … née, or né(e) when the sex is not given). */
export function patientPhrase(patient: PatientNotice['patient']): string {
  const title = patient.sex === 'M' ? 'M. ' : patient.sex === 'F' ? 'Mme ' : '';
  const born = patient.sex === 'M' ? 'né' : patient.sex === 'F' ? 'née' : 'né(e)';
  const name = `${patient.lastName.toLocaleUpperCase('fr-FR')} ${patient.firstName}`;
  return `${title}${name}, ${born} le ${frenchDate(patient.birthDate)}`;
}

export function noticeSubject(notice: PatientNotice): string {
  return `${KIND_SUBJECT[notice.kind]} – ${notice.patient.lastName.toLocaleUpperCase('fr-FR')} ${notice.patient.firstName}`;
}

/** The text under the HPRIM header (LF line ends). */
export function noticeText(notice: PatientNotice): string {
  const where =
    notice.kind === 'transfer' && notice.destination !== undefined
      ? `service : ${notice.service}, vers : ${notice.destination}`
      : `service : ${notice.service}`;
  const lines = [
    `${KIND_WORD[notice.kind]} de ${patientPhrase(notice.patient)}, le ${frenchDateTime(notice.at)}, ${where}.`,
  ];
  if (notice.patient.ipp !== undefined) lines.push(`IPP : ${notice.patient.ipp}`);
  if (notice.note !== undefined && notice.note !== '') lines.push('', `Note : ${notice.note}`);
  return lines.join('\n');
}
