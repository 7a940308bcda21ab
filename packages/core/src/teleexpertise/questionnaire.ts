import { z } from 'zod';
import { checkConsistency } from './consistency.ts';
import { Coding, FhirDate, Quantity } from './fhirTypes.ts';
import { QuestionnaireError, formatPath, linkIdAt } from './questionnaireError.ts';
import { ENABLE_WHEN_ANSWERS, ITEM_TYPES, OPERATORS, checkSubset } from './subset.ts';

export { ENABLE_WHEN_ANSWERS, type EnableWhenAnswerKey } from './subset.ts';

/**
 * Tele-expertise forms (issue 9) as a subset of FHIR R4 Questionnaire. An admin imports a form as JSON;
 * the requester's and the expert's devices both validate answers against it (the server cannot read
 * them). The schemas below are strict: what they do not name is refused at import (see subset.ts).
 */

const exactlyOne = (keys: readonly string[]) => (value: Record<string, unknown>) =>
  keys.filter((k) => value[k] !== undefined).length === 1;

const OPTION_VALUES = ['valueCoding', 'valueString', 'valueInteger'] as const;
export const AnswerOption = z
  .strictObject({
    valueCoding: Coding.optional(),
    valueString: z.string().min(1).optional(),
    valueInteger: z.number().int().optional(),
  })
  .refine(
    exactlyOne(OPTION_VALUES),
    'an answerOption needs exactly one of valueCoding, valueString, valueInteger',
  );
export type AnswerOption = z.infer<typeof AnswerOption>;

export const EnableWhen = z
  .strictObject({
    question: z.string().min(1),
    operator: z.enum(OPERATORS),
    answerBoolean: z.boolean().optional(),
    answerString: z.string().optional(),
    answerInteger: z.number().int().optional(),
    answerDecimal: z.number().optional(),
    answerDate: FhirDate.optional(),
    answerCoding: Coding.optional(),
    answerQuantity: Quantity.optional(),
  })
  .refine(exactlyOne(ENABLE_WHEN_ANSWERS), 'an enableWhen needs exactly one answer[x]');
export type EnableWhen = z.infer<typeof EnableWhen>;

export const Extension = z.strictObject({
  url: z.string().min(1),
  valueInteger: z.number().int().min(0).optional(),
  valueCode: z.string().min(1).optional(),
});

export const QuestionnaireItem = z.strictObject({
  linkId: z.string().min(1).max(255),
  prefix: z.string().optional(),
  text: z.string().optional(),
  type: z.enum(ITEM_TYPES),
  required: z.boolean().optional(),
  repeats: z.boolean().optional(),
  answerOption: z.array(AnswerOption).min(1).optional(),
  enableWhen: z.array(EnableWhen).min(1).optional(),
  enableBehavior: z.enum(['all', 'any']).optional(),
  extension: z.array(Extension).optional(),
  get item(): z.ZodOptional<z.ZodArray<typeof QuestionnaireItem>> {
    return z.array(QuestionnaireItem).optional();
  },
});
export type QuestionnaireItem = z.infer<typeof QuestionnaireItem>;

export const Questionnaire = z.strictObject({
  resourceType: z.literal('Questionnaire'),
  id: z.string().optional(),
  /** Canonical url: with `version`, what a response points to (`url|version`). */
  url: z.url(),
  version: z.string().min(1),
  name: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  date: z.string().optional(),
  publisher: z.string().optional(),
  description: z.string().optional(),
  item: z.array(QuestionnaireItem).min(1),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

/** The canonical reference a QuestionnaireResponse carries: `url|version`. */
export const canonicalOf = (q: Questionnaire) => `${q.url}|${q.version}`;

/**
 * Checks an admin's Questionnaire JSON and returns it typed. Throws QuestionnaireError:
 * QUESTIONNAIRE_UNSUPPORTED for valid FHIR outside the subset, QUESTIONNAIRE_INVALID for anything
 * malformed or inconsistent (missing url, duplicate linkIds, enableWhen on an unknown item…).
 */
export function importQuestionnaire(json: unknown): Questionnaire {
  checkSubset(json);
  const parsed = Questionnaire.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new QuestionnaireError(
      'QUESTIONNAIRE_INVALID',
      linkIdAt(json, issue.path),
      formatPath(issue.path),
      issue.message,
    );
  }
  checkConsistency(parsed.data);
  return parsed.data;
}
