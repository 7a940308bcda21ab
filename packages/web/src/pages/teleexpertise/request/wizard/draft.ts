import { TePatient, TE_QUESTION_MAX_CHARS } from '@liaison/core/teleexpertise/requestContent';
import type { NOTICE_SEXES } from '@liaison/core/notice/schema';
import type { AnswerMap } from '../../form/answers.ts';

/** What the requester has typed so far; nothing leaves the device before the last step. */
export interface Draft {
  serviceId: string | null;
  /** `url|version` of the chosen form. */
  formKey: string | null;
  followsRequestId: string | null;
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: (typeof NOTICE_SEXES)[number] | '';
  nir: string;
  question: string;
  answers: AnswerMap;
}

export const EMPTY_DRAFT: Draft = {
  serviceId: null,
  formKey: null,
  followsRequestId: null,
  lastName: '',
  firstName: '',
  birthDate: '',
  sex: '',
  nir: '',
  question: '',
  answers: {},
};

export type PatientField = 'lastName' | 'firstName' | 'birthDate' | 'sex' | 'nir' | 'question';
export type PatientProblems = Partial<Record<PatientField, 'required' | 'invalid'>>;

/** The patient as core's schema takes it (optional fields left out when empty). */
export function patientOf(draft: Draft) {
  return {
    lastName: draft.lastName,
    firstName: draft.firstName,
    birthDate: draft.birthDate,
    ...(draft.sex ? { sex: draft.sex } : {}),
    ...(draft.nir.trim() ? { nir: draft.nir } : {}),
  };
}

/** Checked with core's own schema, so what passes here passes on the expert's device. */
export function patientProblems(draft: Draft): PatientProblems {
  const problems: PatientProblems = {};
  const parsed = TePatient.safeParse(patientOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (
        field === 'lastName' ||
        field === 'firstName' ||
        field === 'birthDate' ||
        field === 'sex' ||
        field === 'nir'
      ) {
        problems[field] ??= draft[field].trim() === '' ? 'required' : 'invalid';
      }
    }
  }
  const question = draft.question.trim();
  if (question === '') problems.question = 'required';
  else if (question.length > TE_QUESTION_MAX_CHARS) problems.question = 'invalid';
  return problems;
}
