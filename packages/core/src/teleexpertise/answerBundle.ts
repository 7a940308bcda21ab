import { z } from 'zod';
import { base64Decode } from '../crypto/bytes.ts';
import { readAnswer } from './answerForm.ts';
import { decodeJson, encodeJson, parseContent } from './contentCodec.ts';
import {
  FHIR_BASE_URL,
  FhirTaskJson,
  answerResponseId,
  requestResponseId,
  type FhirTask,
  type FhirTaskRead,
} from './fhirTask.ts';
import {
  QuestionnaireResponse,
  ResponseError,
  type Answer,
  type Attachment,
  type ResponseItem,
} from './responseSchema.ts';

/**
 * The answer letter's FHIR attachment: a collection Bundle of the Task, the request's answers and the
 * expert's answers, for practice software (or a later Liaison screen) that reads FHIR rather than the
 * HPRIM text.
 */
export const TELEEXPERTISE_ATTACHMENT_FILENAME = 'teleexpertise.json';
export const TELEEXPERTISE_ATTACHMENT_TYPE = 'application/fhir+json';
/** Where a photo left out of the letter "is": nowhere the reader can fetch, see withoutInlineFiles. */
export const OMITTED_ATTACHMENT_URL = 'urn:liaison:teleexpertise:omitted';

export interface BundleEntry {
  fullUrl: string;
  resource: FhirTask | QuestionnaireResponse;
}

export interface AnswerBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

/**
 * The request's photos and PDFs are replaced by their size and title (and the FHIR hash when the
 * requester's device gave one; none is computed here, rather than hand-rolling SHA-1 in a synchronous
 * builder): the requester already has them, and six photos inline would make the letter several megabytes that
 * every practice software import would carry. The description says which file it was.
 */
function describeFile(attachment: Attachment): Attachment {
  if (attachment.data === undefined) return attachment;
  let bytes: Uint8Array | undefined;
  try {
    bytes = base64Decode(attachment.data);
  } catch {
    // Both devices checked the data is base64 (validateResponse); if not, say nothing about it.
    bytes = undefined;
  }
  const { data: _data, ...rest } = attachment;
  return {
    ...rest,
    url: OMITTED_ATTACHMENT_URL,
    ...(bytes ? { size: bytes.length } : {}),
  };
}

const describeAnswer = (answer: Answer): Answer =>
  answer.valueAttachment ? { valueAttachment: describeFile(answer.valueAttachment) } : answer;

function describeItems(items: readonly ResponseItem[]): ResponseItem[] {
  return items.map((item) => ({
    ...item,
    ...(item.answer ? { answer: item.answer.map(describeAnswer) } : {}),
    ...(item.item ? { item: describeItems(item.item) } : {}),
  }));
}

/** The response with every inline file replaced by its description (see describeFile). */
export function withoutInlineFiles(response: QuestionnaireResponse): QuestionnaireResponse {
  return response.item ? { ...response, item: describeItems(response.item) } : response;
}

const fullUrl = (type: string, id: string) => `${FHIR_BASE_URL}/${type}/${id}`;

export function buildAnswerBundle(m: {
  task: FhirTask;
  request: QuestionnaireResponse;
  answer: QuestionnaireResponse;
  timestamp: Date;
}): AnswerBundle {
  const requestId = requestResponseId(m.task.id);
  const answerId = answerResponseId(m.task.id);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: m.timestamp.toISOString(),
    entry: [
      { fullUrl: fullUrl('Task', m.task.id), resource: m.task },
      {
        fullUrl: fullUrl('QuestionnaireResponse', requestId),
        resource: { ...withoutInlineFiles(m.request), id: requestId },
      },
      {
        fullUrl: fullUrl('QuestionnaireResponse', answerId),
        resource: { ...m.answer, id: answerId },
      },
    ],
  };
}

export const encodeAnswerBundle = (bundle: AnswerBundle): Uint8Array => encodeJson(bundle);

const BundleJson = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  entry: z.array(z.object({ fullUrl: z.string().optional(), resource: z.record(z.string(), z.unknown()) })),
});

export interface AnswerLetterAttachment {
  task: FhirTaskRead;
  request: QuestionnaireResponse;
  answer: QuestionnaireResponse;
}

const WHAT = 'tele-expertise attachment';

/**
 * The attachment's bytes back to the Task and both responses (the answer checked against ANSWER_FORM);
 * ResponseError (RESPONSE_INVALID) when something is missing or malformed.
 */
export function readAnswerLetterAttachment(bytes: Uint8Array): AnswerLetterAttachment {
  const bundle = decodeJson(BundleJson, bytes, WHAT);
  const resources = bundle.entry.map((e) => e.resource);
  const taskJson = resources.find((r) => r.resourceType === 'Task');
  if (!taskJson) throw new ResponseError('RESPONSE_INVALID', '.entry', `not a ${WHAT}: no Task`);
  // Only resourceType, id, status and intent are checked: the rest of the Task is informative.
  const task = parseContent(FhirTaskJson, taskJson, WHAT);
  const response = (id: string) => {
    const found = resources.find((r) => r.resourceType === 'QuestionnaireResponse' && r.id === id);
    if (!found) throw new ResponseError('RESPONSE_INVALID', '.entry', `not a ${WHAT}: no ${id}`);
    return parseContent(QuestionnaireResponse, found, WHAT);
  };
  const answer = response(answerResponseId(task.id));
  readAnswer(answer);
  return { task, request: response(requestResponseId(task.id)), answer };
}
