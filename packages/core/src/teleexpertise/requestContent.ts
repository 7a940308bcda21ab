import { z } from 'zod';
import { isValidNir } from '../ids/nir.ts';
import { isValidRpps } from '../ids/rpps.ts';
import { normaliseId } from '../ids/normalise.ts';
import { BirthDate, Ipp, NOTICE_SEXES } from '../notice/schema.ts';
import { decodeJson, encodeJson, parseContent } from './contentCodec.ts';
import type { Questionnaire } from './questionnaire.ts';
import { validateResponse, type ResponseFinding } from './response.ts';
import { QuestionnaireResponse } from './responseSchema.ts';

/**
 * What a tele-expertise request envelope holds once decrypted: who the patient is, the question, the
 * form's answers and who asks. Only the requester's and the service's devices ever see it; the server
 * stores the ciphertext. Both devices hold it to this schema (the expert's after decrypting, since a
 * buggy or hostile sender could put anything in an envelope).
 */

export const TE_QUESTION_MAX_CHARS = 2000;

/** No control characters: names go into HPRIM header lines and CSV cells. */
const ONE_LINE = /^[^\p{Cc}]*$/u;
const Name = (max: number) =>
  z.string().trim().min(1).max(max).regex(ONE_LINE, 'one line, no control characters');

/** Written as people paste it ("2 84 02 75 115 004 67"), kept as the 15 characters, key checked. */
export const TeNir = z
  .string()
  .transform(normaliseId)
  .refine(isValidNir, 'not a valid NIR (15 characters, key checked)');

export const TePatient = z.strictObject({
  lastName: Name(80),
  firstName: Name(80),
  birthDate: BirthDate,
  sex: z.enum(NOTICE_SEXES).optional(),
  /** Tele-expertise is billed to the patient's health insurance: the NIR identifies them there. */
  nir: TeNir.optional(),
  /** The requester's own patient id, if any (never a NIR: see Ipp). */
  ipp: Ipp.optional(),
});
export type TePatient = z.output<typeof TePatient>;
export type TePatientInput = z.input<typeof TePatient>;

export const TeRequester = z.strictObject({
  name: Name(160),
  rpps: z.string().refine(isValidRpps, 'not a valid RPPS number').optional(),
  /** The requester's mailbox, where the answer letter goes. */
  address: z
    .string()
    .trim()
    .min(3)
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+$/, 'not a mail address'),
});
export type TeRequester = z.infer<typeof TeRequester>;

export const RequestContent = z.strictObject({
  kind: z.literal('teleexpertise-request'),
  version: z.literal(1),
  patient: TePatient,
  question: z.string().trim().min(1).max(TE_QUESTION_MAX_CHARS),
  response: QuestionnaireResponse,
  requester: TeRequester,
});
export type RequestContent = z.output<typeof RequestContent>;
export type RequestContentInput = z.input<typeof RequestContent>;

/** UTF-8 JSON of the content, checked first: a device never encrypts what the other would refuse. */
export function encodeRequestContent(content: RequestContentInput): Uint8Array {
  return encodeJson(parseRequestContentJson(content));
}

/** Validates a decoded JSON value; ResponseError (RESPONSE_INVALID) naming the field at fault. */
export function parseRequestContentJson(json: unknown): RequestContent {
  return parseContent(RequestContent, json, 'tele-expertise request');
}

/** The decrypted envelope bytes to a typed request; ResponseError (RESPONSE_INVALID) when it is not one. */
export function decodeRequestContent(bytes: Uint8Array): RequestContent {
  return decodeJson(RequestContent, bytes, 'tele-expertise request');
}

/**
 * The form-level findings (required answers, options, photos…): run on the requester's device before
 * sending and on the expert's after decrypting. Empty when the answers fit the form.
 */
export function checkRequestContent(
  questionnaire: Questionnaire,
  content: Pick<RequestContent, 'response'>,
): ResponseFinding[] {
  return validateResponse(questionnaire, content.response);
}
