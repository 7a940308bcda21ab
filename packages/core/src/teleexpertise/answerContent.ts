import { z } from 'zod';
import { readAnswer } from './answerForm.ts';
import { decodeJson, encodeJson, parseContent } from './contentCodec.ts';
import { FhirTaskJson } from './fhirTask.ts';
import { QuestionnaireResponse } from './responseSchema.ts';

/**
 * The answer envelope's plaintext, kept with the request (encrypted to the service mailbox and the
 * requester like the request): the expert's answers to ANSWER_FORM and the Task as it stood when the
 * answer was sent. The letter carries the same, for the requester's practice software.
 */
export const AnswerContent = z.strictObject({
  kind: z.literal('teleexpertise-answer'),
  version: z.literal(1),
  response: QuestionnaireResponse,
  task: FhirTaskJson,
});
/** `task`: a FhirTask when built here; read back, only resourceType, id, status and intent are checked. */
export type AnswerContent = z.output<typeof AnswerContent>;

const WHAT = 'tele-expertise answer';

/** Also checks the answers against ANSWER_FORM: a device never encrypts what the other would refuse. */
function checked(json: unknown): AnswerContent {
  const content = parseContent(AnswerContent, json, WHAT);
  readAnswer(content.response);
  return content;
}

export function encodeAnswerContent(content: AnswerContent): Uint8Array {
  return encodeJson(checked(content));
}

/** ResponseError (RESPONSE_INVALID) when the bytes are not an answer to ANSWER_FORM. */
export function decodeAnswerContent(bytes: Uint8Array): AnswerContent {
  const content = decodeJson(AnswerContent, bytes, WHAT);
  return checked(content);
}
