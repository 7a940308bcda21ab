/**
 * The expert's answer as a secure letter, modelled on the notice letter (core/notice/letter.ts): the
 * same Letter every client seals and opens, sent From the service mailbox To the requester, so it rides
 * the whole mail pipeline unchanged and `liaison fetch` files it under the patient. Its text is an
 * HPRIM document (the 12 header lines identifying the patient, then the readable French answer); the
 * structured request and answer travel beside it as a FHIR Bundle (teleexpertise.json).
 */
import type { TeleexpertiseRequestSummary, TimelineEvent } from '../api/teleexpertise.ts';
import { buildHprim } from '../hprim/build.ts';
import type { Letter } from '../mail/letter.ts';
import type { LetterSummary } from '../mail/summary.ts';
import { patientPhrase } from '../notice/text.ts';
import {
  TELEEXPERTISE_ATTACHMENT_FILENAME,
  TELEEXPERTISE_ATTACHMENT_TYPE,
  buildAnswerBundle,
  encodeAnswerBundle,
  type AnswerBundle,
} from './answerBundle.ts';
import { answerOutcomeLabel, readAnswer, type AnswerInput } from './answerForm.ts';
import { buildFhirTask, type FhirTask } from './fhirTask.ts';
import { frenchDay, parisDay } from './parisTime.ts';
import type { RequestContent } from './requestContent.ts';
import type { QuestionnaireResponse } from './responseSchema.ts';

export {
  OMITTED_ATTACHMENT_URL,
  TELEEXPERTISE_ATTACHMENT_FILENAME,
  TELEEXPERTISE_ATTACHMENT_TYPE,
  readAnswerLetterAttachment,
  type AnswerBundle,
  type AnswerLetterAttachment,
} from './answerBundle.ts';

export interface AnswerLetterInput {
  /** The request as the server lists it (still accepted or in-progress: the letter goes first). */
  request: TeleexpertiseRequestSummary;
  timeline?: readonly TimelineEvent[];
  /** The decrypted request envelope. */
  content: RequestContent;
  /** The expert's answers (buildAnswerResponse). */
  answer: QuestionnaireResponse;
  expert: { userId: string; name: string; rpps?: string | null };
}

export interface AnswerEnvelope {
  /** UUID, the id the letter is submitted under (then given to POST …/answer as letterMessageId). */
  messageId: string;
  /** The service mailbox. */
  from: string;
  /** The requester's mailbox. */
  to: string;
  date: Date;
}

/** Everything `sealLetter` needs besides keys, plus the Task for the answer envelope. */
export interface AnswerLetter {
  letter: Letter;
  patient: NonNullable<LetterSummary['patient']>;
  category: 'patient';
  patients: 1;
  /** The request as a completed Task, as written in the attachment. */
  task: FhirTask;
  bundle: AnswerBundle;
}

/** The request as it will stand once answered: completed by this expert at the letter's date. */
function completedTask(input: AnswerLetterInput, envelope: AnswerEnvelope): FhirTask {
  const at = envelope.date.toISOString();
  const timeline = input.timeline ?? [];
  const answered: TimelineEvent = {
    seq: Math.max(0, ...timeline.map((e) => e.seq)) + 1,
    at,
    kind: 'answered',
    actorUserId: input.expert.userId,
    actorName: input.expert.name,
    status: 'completed',
    expertUserId: input.expert.userId,
    expertName: input.expert.name,
    envelope: null,
  };
  return buildFhirTask({
    request: {
      ...input.request,
      status: 'completed',
      assigneeUserId: input.expert.userId,
      assigneeName: input.expert.name,
      answeredAt: at,
      answerMessageId: envelope.messageId,
    },
    timeline: [...timeline, answered],
    requesterRpps: input.content.requester.rpps ?? null,
    assigneeRpps: input.expert.rpps ?? null,
  });
}

/** The readable answer under the HPRIM header (LF line ends). */
export function answerText(input: AnswerLetterInput, answer: AnswerInput): string {
  const { request, content, expert } = input;
  const lines = [
    'Réponse de télé-expertise',
    '',
    `Service : ${request.serviceName} – ${request.organisationName}`,
    `Expert : ${expert.name}${expert.rpps ? ` (RPPS ${expert.rpps})` : ''}`,
    `Demande du ${frenchDay(parisDay(request.createdAt))} par ${request.requesterName}`,
    `Patient : ${patientPhrase(content.patient)}`,
    '',
    'Question posée :',
    content.question,
    '',
    'Conclusion :',
    answer.conclusion,
  ];
  if (answer.advice !== undefined) lines.push('', 'Conseils :', answer.advice);
  lines.push('', `Suite à donner : ${answerOutcomeLabel(answer.outcome, answer.urgency)}`);
  if (answer.referTo !== undefined) lines.push(`Orienter vers : ${answer.referTo}`);
  lines.push('', `Référence de la demande : ${request.id}`);
  return lines.join('\n');
}

export function answerSubject(content: RequestContent): string {
  const { lastName, firstName } = content.patient;
  return `Réponse de télé-expertise – ${lastName.toLocaleUpperCase('fr-FR')} ${firstName}`;
}

/** Throws ResponseError (RESPONSE_INVALID) when `answer` does not fit ANSWER_FORM. */
export function buildAnswerLetter(input: AnswerLetterInput, envelope: AnswerEnvelope): AnswerLetter {
  const answer = readAnswer(input.answer);
  const { patient } = input.content;
  const task = completedTask(input, envelope);
  const text = buildHprim(
    [
      {
        header: {
          patientId: patient.ipp ?? null,
          lastName: patient.lastName,
          firstName: patient.firstName,
          birthDate: patient.birthDate,
          // HPRIM shows the NIR as 13 characters, a space, the key (see hprim/nir.ts).
          nir: patient.nir === undefined ? null : `${patient.nir.slice(0, 13)} ${patient.nir.slice(13)}`,
          fileNumber: input.request.id,
          documentDate: parisDay(envelope.date),
          sender: `${input.expert.name} – ${input.request.serviceName}`,
          recipient: input.request.requesterName,
        },
        text: answerText(input, answer),
      },
    ],
    // Letters hold LF text; the letter builder writes CRLF and `liaison fetch` the importer's endings.
    { lineEnding: '\n' },
  );
  const bundle = buildAnswerBundle({
    task,
    request: input.content.response,
    answer: input.answer,
    timestamp: envelope.date,
  });
  const letter: Letter = {
    messageId: envelope.messageId,
    from: envelope.from,
    to: [envelope.to],
    cc: [],
    subject: answerSubject(input.content),
    date: envelope.date,
    inReplyTo: null,
    replyTo: null,
    text,
    attachments: [
      {
        filename: TELEEXPERTISE_ATTACHMENT_FILENAME,
        contentType: TELEEXPERTISE_ATTACHMENT_TYPE,
        content: encodeAnswerBundle(bundle),
      },
    ],
  };
  return {
    letter,
    patient: { lastName: patient.lastName, firstName: patient.firstName, birthDate: patient.birthDate },
    category: 'patient',
    patients: 1,
    task,
    bundle,
  };
}
