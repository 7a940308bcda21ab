import { z } from 'zod';
import type { TeleexpertiseRequestSummary, TimelineEvent, TimelineKind } from '../api/teleexpertise.ts';
import { FORM_BASE_URL } from './forms/shared.ts';
import { TASK_STATUSES, type TaskStatus } from './task.ts';

/**
 * A tele-expertise request as a FHIR R4 Task, for the answer letter's attachment and the answer
 * envelope: practice software that reads FHIR sees who asked whom, when, by when and what happened.
 * Built on a device from what the server lists (routing only) plus the professionals' RPPS; it holds no
 * patient data (the patient is in the QuestionnaireResponses and the HPRIM header beside it).
 */

/** idNat_PS: "8" + RPPS, the identifier the Annuaire Santé FHIR API uses (see server directory/fhir). */
export const IDNAT_PS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
export const TASK_CODE_SYSTEM = `${FORM_BASE_URL}/CodeSystem/teleexpertise-task`;
/** Base of the resources' fullUrls in the letter's Bundle (relative references resolve against it). */
export const FHIR_BASE_URL = FORM_BASE_URL;

/** Task.id is the request id; the two QuestionnaireResponses take it with a suffix (ids are per type). */
export const requestResponseId = (requestId: string) => `${requestId}-request`;
export const answerResponseId = (requestId: string) => `${requestId}-answer`;

export interface FhirReference {
  reference?: string;
  type?: string;
  identifier?: { system: string; value: string };
  display?: string;
}

export interface FhirTaskNote {
  time: string;
  authorString: string;
  text: string;
}

/** A type, not an interface: it must fit FhirTaskRead's index signature. */
export type FhirTask = {
  resourceType: 'Task';
  id: string;
  status: TaskStatus;
  intent: 'order';
  code: { coding: Array<{ system: string; code: string; display: string }> };
  description: string;
  focus: FhirReference;
  requester: FhirReference;
  owner?: FhirReference;
  authoredOn: string;
  lastModified: string;
  restriction: { period: { end: string } };
  executionPeriod?: { start?: string; end?: string };
  input: Array<{ type: { text: string }; valueReference: FhirReference }>;
  output?: Array<{ type: { text: string }; valueReference: FhirReference }>;
  note?: FhirTaskNote[];
};

/** What a reader of the attachment or the answer envelope holds a Task to (the rest is informative). */
export const FhirTaskJson = z.looseObject({
  resourceType: z.literal('Task'),
  id: z.string().min(1),
  status: z.enum(TASK_STATUSES),
  intent: z.literal('order'),
});
/** A Task read back from another device: the checked fields, the rest as it came. */
export type FhirTaskRead = z.output<typeof FhirTaskJson>;

export interface FhirTaskInput {
  request: TeleexpertiseRequestSummary;
  timeline?: readonly TimelineEvent[];
  requesterRpps?: string | null;
  assigneeRpps?: string | null;
}

const EVENT_TEXT: Record<TimelineKind, (expert: string) => string> = {
  created: () => 'Demande envoyée',
  queued: () => 'En attente dans la file du service',
  assigned: (expert) => `Attribuée à ${expert}`,
  accepted: () => 'Acceptée',
  started: () => 'Prise en charge commencée',
  declined: (expert) => `Déclinée par ${expert}`,
  skipped: (expert) => `Non acceptée à temps par ${expert}, remise dans la file`,
  reminded: (expert) => `Relance envoyée à ${expert}`,
  'info-requested': () => 'Informations complémentaires demandées',
  'info-provided': () => 'Informations complémentaires fournies',
  answered: () => 'Réponse envoyée',
  rejected: () => 'Refusée : aucun expert du service ne l’a prise',
  cancelled: () => 'Annulée par le demandeur',
};

/** The timeline's text, for people; the encrypted notes themselves never go into the Task. */
export function timelineText(event: Pick<TimelineEvent, 'kind' | 'expertName'>): string {
  return EVENT_TEXT[event.kind](event.expertName ?? 'un expert');
}

function practitioner(name: string, rpps: string | null | undefined): FhirReference {
  return rpps
    ? { type: 'Practitioner', identifier: { system: IDNAT_PS_SYSTEM, value: `8${rpps}` }, display: name }
    : { type: 'Practitioner', display: name };
}

export function buildFhirTask(input: FhirTaskInput): FhirTask {
  const { request } = input;
  const timeline = input.timeline ?? [];
  const times = [request.createdAt, request.answeredAt, ...timeline.map((e) => e.at)].filter(
    (t): t is string => t !== null,
  );
  const lastModified = times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  const requestRef = {
    reference: `QuestionnaireResponse/${requestResponseId(request.id)}`,
    display: 'Demande',
  };
  const task: FhirTask = {
    resourceType: 'Task',
    id: request.id,
    status: request.status,
    intent: 'order',
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: 'teleexpertise', display: 'Télé-expertise' }] },
    description: `Télé-expertise — ${request.serviceName} (${request.organisationName})`,
    focus: requestRef,
    requester: practitioner(request.requesterName, input.requesterRpps),
    authoredOn: request.createdAt,
    lastModified,
    restriction: { period: { end: request.dueAt } },
    input: [{ type: { text: 'Demande' }, valueReference: requestRef }],
  };
  if (request.assigneeName !== null) task.owner = practitioner(request.assigneeName, input.assigneeRpps);
  if (request.firstAcceptedAt !== null || request.answeredAt !== null) {
    task.executionPeriod = {
      ...(request.firstAcceptedAt !== null ? { start: request.firstAcceptedAt } : {}),
      ...(request.answeredAt !== null ? { end: request.answeredAt } : {}),
    };
  }
  if (request.status === 'completed') {
    task.output = [
      {
        type: { text: 'Réponse' },
        valueReference: {
          reference: `QuestionnaireResponse/${answerResponseId(request.id)}`,
          display: 'Réponse',
        },
      },
    ];
  }
  if (timeline.length > 0) {
    task.note = [...timeline]
      .sort((a, b) => a.seq - b.seq)
      .map((event) => ({
        time: event.at,
        authorString: event.actorName ?? 'Liaison',
        text: timelineText(event),
      }));
  }
  return task;
}
