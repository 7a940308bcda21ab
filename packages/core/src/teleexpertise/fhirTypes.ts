import { z } from 'zod';

/**
 * FHIR R4 datatypes shared by Questionnaire (enableWhen answers, options) and QuestionnaireResponse
 * (answers). Only the elements Liaison's forms use are accepted: strict objects, so a sender cannot
 * smuggle fields the other device would ignore.
 */

export const Coding = z.strictObject({
  system: z.string().min(1).optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});
export type Coding = z.infer<typeof Coding>;

export const Quantity = z.strictObject({
  value: z.number(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
export type Quantity = z.infer<typeof Quantity>;

/** FHIR `date` restricted to a full day (YYYY-MM-DD) that exists in the calendar. */
export function isFhirDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export const FhirDate = z.string().refine(isFhirDate, 'expected a YYYY-MM-DD date');

/** Two codings are the same answer when their codes match and, if both name one, their systems too. */
export function sameCoding(a: Coding, b: Coding): boolean {
  return a.code === b.code && (a.system === undefined || b.system === undefined || a.system === b.system);
}
