import { z } from 'zod';
import { Coding, Quantity } from './fhirTypes.ts';

/**
 * The answers to a tele-expertise form, as a subset of FHIR R4 QuestionnaireResponse. They travel
 * end-to-end encrypted: the requester's device validates them before sending and the expert's device
 * again on receipt (validateResponse in response.ts), since the server cannot read them.
 */

export const Attachment = z
  .strictObject({
    contentType: z.string().min(1),
    /** The file itself, base64 (small files)… */
    data: z.string().min(1).optional(),
    /** …or a reference to a file sent alongside in its own envelope (e.g. `attachment:<id>`). */
    url: z.string().min(1).optional(),
    title: z.string().optional(),
    /** Byte length; checked against `data` when both are present. */
    size: z.number().int().min(0).optional(),
    /** FHIR's base64 SHA-1 of the data, carried but not checked here (the envelope has its own digest). */
    hash: z.string().optional(),
  })
  .refine(
    (a) => (a.data === undefined) !== (a.url === undefined),
    'an attachment needs exactly one of data, url',
  );
export type Attachment = z.infer<typeof Attachment>;

const VALUE_KEYS = [
  'valueBoolean',
  'valueString',
  'valueInteger',
  'valueDecimal',
  'valueDate',
  'valueCoding',
  'valueQuantity',
  'valueAttachment',
] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

export const Answer = z
  .strictObject({
    valueBoolean: z.boolean().optional(),
    valueString: z.string().optional(),
    valueInteger: z.number().optional(),
    valueDecimal: z.number().optional(),
    /** Format (YYYY-MM-DD) is checked by validateResponse, which can name the item. */
    valueDate: z.string().optional(),
    valueCoding: Coding.optional(),
    valueQuantity: Quantity.optional(),
    valueAttachment: Attachment.optional(),
  })
  .refine(
    (a) => VALUE_KEYS.filter((k) => a[k] !== undefined).length === 1,
    'an answer needs exactly one value[x]',
  );
export type Answer = z.infer<typeof Answer>;

/** Which value[x] the answer carries (the schema guarantees exactly one). */
export const valueKeyOf = (answer: Answer): ValueKey => VALUE_KEYS.find((k) => answer[k] !== undefined)!;

export const ResponseItem = z.strictObject({
  linkId: z.string().min(1),
  text: z.string().optional(),
  answer: z.array(Answer).optional(),
  get item(): z.ZodOptional<z.ZodArray<typeof ResponseItem>> {
    return z.array(ResponseItem).optional();
  },
});
export type ResponseItem = z.infer<typeof ResponseItem>;

export const QuestionnaireResponse = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  id: z.string().optional(),
  /** `url|version` of the form answered. */
  questionnaire: z.string().min(1),
  status: z.enum(['in-progress', 'completed']),
  authored: z.string().optional(),
  item: z.array(ResponseItem).optional(),
});
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponse>;

export class ResponseError extends Error {
  constructor(
    readonly code: 'RESPONSE_INVALID',
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ResponseError';
  }
}

/** Decrypted JSON to a typed response; ResponseError when it is not one (a buggy or hostile sender). */
export function parseResponse(json: unknown): QuestionnaireResponse {
  const parsed = QuestionnaireResponse.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  throw new ResponseError(
    'RESPONSE_INVALID',
    path,
    `not a questionnaire response (${path || '$'}: ${issue.message})`,
  );
}
