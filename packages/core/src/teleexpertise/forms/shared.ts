import { MAX_OCCURS_URL, MIME_TYPE_URL, MIN_OCCURS_URL, type Extension } from '../extensions.ts';

/** Helpers for writing Liaison's built-in forms: plain FHIR JSON, same as an admin would import. */

export const FORM_BASE_URL = 'https://liaison.example/fhir';
export const formUrl = (specialty: string) => `${FORM_BASE_URL}/Questionnaire/teleexpertise-${specialty}`;
export const codeSystem = (specialty: string) => `${FORM_BASE_URL}/CodeSystem/teleexpertise-${specialty}`;

export const minOccursExt = (n: number): Extension => ({ url: MIN_OCCURS_URL, valueInteger: n });
export const maxOccursExt = (n: number): Extension => ({ url: MAX_OCCURS_URL, valueInteger: n });
export const mimeTypeExt = (type: string): Extension => ({ url: MIME_TYPE_URL, valueCode: type });

/** Coded options from `[code, display]` pairs, all in the specialty's code system. */
export const codedOptions = (specialty: string, pairs: [string, string][]) =>
  pairs.map(([code, display]) => ({ valueCoding: { system: codeSystem(specialty), code, display } }));
