import { z } from 'zod';
import { TASK_STATUSES } from '../teleexpertise/task.ts';
import { Id } from './common.ts';

/**
 * The tele-expertise contract (issue 9). A service (a hospital department) has one shared ORG mailbox:
 * requests are encrypted on the requester's device to that mailbox's current certificate and to the
 * requester's own, so every expert of the service (an owner or delegate of the mailbox, who holds a
 * wrap of its key) can open them and the server cannot. The server sees routing only: service, form
 * (url|version), who asked, who is assigned, statuses and times. Answers come back as a secure letter
 * from the service mailbox (HPRIM header, JSON attachment) plus an answer envelope kept with the request.
 */

export const TaskStatus = z.enum(TASK_STATUSES);
export type { TaskStatus as TaskStatusValue } from '../teleexpertise/task.ts';

const Base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64 (one line, standard alphabet)');

/** Largest request envelope (decoded bytes): a form with up to six reduced photos inline. */
export const MAX_TE_REQUEST_ENVELOPE_BYTES = 12 * 1024 * 1024;
/** Largest envelope of a question, an information reply or an answer (decoded bytes). */
export const MAX_TE_NOTE_ENVELOPE_BYTES = 6 * 1024 * 1024;

export const FormRef = z.strictObject({
  url: z.string().min(1).max(500),
  version: z.string().min(1).max(64),
});
export type FormRef = z.infer<typeof FormRef>;

/** A form known to the instance (built-in or imported by an admin). */
export const TeleexpertiseForm = z.object({
  url: z.string(),
  version: z.string(),
  title: z.string(),
  /** The Questionnaire JSON, as imported (forms are not patient data). */
  questionnaire: z.record(z.string(), z.unknown()),
  builtIn: z.boolean(),
  importedAt: z.string(),
});
export type TeleexpertiseForm = z.infer<typeof TeleexpertiseForm>;

/** POST /api/teleexpertise/forms (platform or establishment admin): the Questionnaire JSON itself. */
export const ImportFormRequest = z.strictObject({ questionnaire: z.record(z.string(), z.unknown()) });
export type ImportFormRequest = z.infer<typeof ImportFormRequest>;

export const SlaHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 30);
export const AcceptTimeoutHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 7);

export const TeleexpertiseExpert = z.object({
  userId: Id,
  displayName: z.string(),
  rpps: z.string().nullable(),
  addedAt: z.string(),
  lastAssignedAt: z.string().nullable(),
  /** Requests assigned and not finished (received, accepted, in-progress, on-hold), across services. */
  openRequests: z.number().int().min(0),
  capacity: z.number().int().min(0),
  /** Inside a weekly slot, not absent, and under capacity, right now. */
  availableNow: z.boolean(),
});
export type TeleexpertiseExpert = z.infer<typeof TeleexpertiseExpert>;

export const TeleexpertiseService = z.object({
  id: Id,
  organisationId: Id,
  organisationName: z.string(),
  name: z.string(),
  /** TRE_R38 specialty code, e.g. SM15 dermatology. */
  specialty: z.string(),
  mailboxId: Id,
  mailboxAddress: z.string(),
  /** PEM of the service mailbox's current encryption certificate (null until its key is made). */
  encryptionCertificate: z.string().nullable(),
  slaHours: SlaHours,
  acceptTimeoutHours: AcceptTimeoutHours,
  forms: z.array(FormRef),
  active: z.boolean(),
  /** Only for the service's admins and experts; empty for others. */
  experts: z.array(TeleexpertiseExpert),
  /** Requests waiting in the queue (status requested). */
  queued: z.number().int().min(0),
});
export type TeleexpertiseService = z.infer<typeof TeleexpertiseService>;

/**
 * POST /api/teleexpertise/services (establishment admin of the organisation, or platform admin). The
 * mailbox must be an ORG mailbox of that establishment, not already a service's.
 */
export const CreateServiceRequest = z.strictObject({
  organisationId: Id,
  mailboxId: Id,
  name: z.string().trim().min(1).max(120),
  specialty: z.string().regex(/^SM[0-9]{2}$/),
  slaHours: SlaHours.default(48),
  acceptTimeoutHours: AcceptTimeoutHours.default(4),
  forms: z.array(FormRef).min(1).max(20),
});
export type CreateServiceRequest = z.input<typeof CreateServiceRequest>;

/** PATCH /api/teleexpertise/services/:id */
export const UpdateServiceRequest = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  slaHours: SlaHours.optional(),
  acceptTimeoutHours: AcceptTimeoutHours.optional(),
  forms: z.array(FormRef).min(1).max(20).optional(),
  active: z.boolean().optional(),
});
export type UpdateServiceRequest = z.infer<typeof UpdateServiceRequest>;

/** POST /api/teleexpertise/services/:id/experts: the user must own or be a delegate of the mailbox. */
export const AddExpertRequest = z.strictObject({ userId: Id });
export type AddExpertRequest = z.infer<typeof AddExpertRequest>;

/** 'HH:MM', 00:00–24:00, local time of the instance (Europe/Paris). */
export const ClockTime = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'expected HH:MM');

/** A weekly slot: ISO weekday (1 Monday … 7 Sunday), start before end, same day. */
export const WeeklySlot = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: ClockTime, end: ClockTime })
  .refine((s) => s.start < s.end, { message: 'a slot starts before it ends', path: ['end'] });
export type WeeklySlot = z.infer<typeof WeeklySlot>;

export const Absence = z
  .strictObject({
    /** ISO instants; an absence covers [from, to). */
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    label: z.string().trim().max(120).optional(),
  })
  .refine((a) => Date.parse(a.from) < Date.parse(a.to), {
    message: 'an absence ends after it starts',
    path: ['to'],
  });
export type Absence = z.infer<typeof Absence>;

/** GET/PUT /api/teleexpertise/availability (the caller's own; an expert declares it ahead of time). */
export const Availability = z.strictObject({
  /** Most open requests at once (0: takes none for now). */
  capacity: z.number().int().min(0).max(100),
  slots: z.array(WeeklySlot).max(100),
  absences: z.array(Absence).max(200),
});
export type Availability = z.infer<typeof Availability>;

/** Kept with the availability for the screens: the timezone slots are read in. */
export const AvailabilityView = Availability.extend({ timeZone: z.string(), availableNow: z.boolean() });
export type AvailabilityView = z.infer<typeof AvailabilityView>;

/**
 * POST /api/teleexpertise/requests. `envelope`: base64 CMS EnvelopedData, to exactly the service
 * mailbox's current encryption certificate and the requester's active personal one, holding the
 * request content (core/teleexpertise/requestContent.ts). `id` is chosen by the device: a retry with
 * the same id and envelope returns the stored request.
 */
export const CreateTeleexpertiseRequest = z.strictObject({
  id: Id,
  serviceId: Id,
  form: FormRef,
  /** An earlier request of the same requester (follow-up of the same patient). */
  followsRequestId: Id.optional(),
  envelope: Base64,
});
export type CreateTeleexpertiseRequest = z.infer<typeof CreateTeleexpertiseRequest>;

export const TIMELINE_KINDS = [
  'created',
  'queued',
  'assigned',
  'accepted',
  'started',
  'declined',
  'skipped',
  'reminded',
  'info-requested',
  'info-provided',
  'answered',
  'rejected',
  'cancelled',
] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** One audited transition, in order. `envelope`: the question or the information, encrypted like the request. */
export const TimelineEvent = z.object({
  seq: z.number().int().min(1),
  at: z.string(),
  kind: TimelineKind,
  /** null: the platform (assignment, skip, reminder). */
  actorUserId: Id.nullable(),
  actorName: z.string().nullable(),
  status: TaskStatus,
  /** The expert concerned (assigned, declined, skipped, reminded). */
  expertUserId: Id.nullable(),
  expertName: z.string().nullable(),
  envelope: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** A request as lists show it (no envelope). */
export const TeleexpertiseRequestSummary = z.object({
  id: Id,
  serviceId: Id,
  serviceName: z.string(),
  organisationName: z.string(),
  form: FormRef,
  status: TaskStatus,
  requesterUserId: Id,
  requesterName: z.string(),
  requesterAddress: z.string(),
  assigneeUserId: Id.nullable(),
  assigneeName: z.string().nullable(),
  followsRequestId: Id.nullable(),
  createdAt: z.string(),
  /** The answer deadline, pushed back by time spent on hold. */
  dueAt: z.string(),
  /** When the clock is paused (on-hold), since when. */
  pausedSince: z.string().nullable(),
  firstAcceptedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The id of the answer letter (mail message) once answered. */
  answerMessageId: Id.nullable(),
});
export type TeleexpertiseRequestSummary = z.infer<typeof TeleexpertiseRequestSummary>;

/** GET /api/teleexpertise/requests/:id: the summary, the envelopes and the timeline. */
export const TeleexpertiseRequestDetail = TeleexpertiseRequestSummary.extend({
  envelope: z.string(),
  answerEnvelope: z.string().nullable(),
  timeline: z.array(TimelineEvent),
});
export type TeleexpertiseRequestDetail = z.infer<typeof TeleexpertiseRequestDetail>;

/** GET /api/teleexpertise/requests?role=requester|expert|service&serviceId=&status= */
export const RequestListQuery = z.strictObject({
  /** requester: mine; expert: assigned to me; service: every request of a service I am expert of. */
  role: z.enum(['requester', 'expert', 'service']).default('requester'),
  serviceId: Id.optional(),
  status: TaskStatus.optional(),
});
export type RequestListQuery = z.infer<typeof RequestListQuery>;

/** POST …/requests/:id/ask (assignee) and …/provide (requester): an encrypted note, like the request. */
export const NoteRequest = z.strictObject({ envelope: Base64 });
export type NoteRequest = z.infer<typeof NoteRequest>;

/**
 * POST …/requests/:id/answer (assignee). The device first submits the answer letter (From the service
 * mailbox, To the requester's mailbox) through /api/mail/messages, then calls this with its id and the
 * answer envelope (to the service mailbox and the requester, like the request).
 */
export const AnswerRequest = z.strictObject({ letterMessageId: Id, envelope: Base64 });
export type AnswerRequest = z.infer<typeof AnswerRequest>;

/**
 * GET /api/teleexpertise/billing?month=YYYY-MM (an expert). The caller's completed requests of that
 * month, and, for the "more than 4 a year for one patient" warning, every completed request of the
 * caller's services in the twelve months up to the end of that month. The device decrypts the patient
 * identity and assembles the CSV (core/teleexpertise/billing.ts).
 */
export const BillingQuery = z.strictObject({ month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/) });
export type BillingQuery = z.infer<typeof BillingQuery>;

export const BillingEntry = z.object({
  requestId: Id,
  serviceId: Id,
  serviceName: z.string(),
  answeredAt: z.string(),
  expertUserId: Id,
  expertName: z.string(),
  expertRpps: z.string().nullable(),
  requesterName: z.string(),
  requesterRpps: z.string().nullable(),
  envelope: z.string(),
});
export type BillingEntry = z.infer<typeof BillingEntry>;

export const BillingData = z.object({
  month: z.string(),
  /** The caller's completed requests in the month: the CSV's lines. */
  entries: z.array(BillingEntry),
  /** Completed requests of the caller's services over the year up to the month's end (for the warning). */
  yearEntries: z.array(BillingEntry),
});
export type BillingData = z.infer<typeof BillingData>;

/** Pushed over the WebSocket to the requester, the assignee and the service's experts: a hint to refetch. */
export const TeleexpertiseEvent = z.object({
  type: z.literal('teleexpertise'),
  requestId: Id,
  serviceId: Id,
  status: TaskStatus,
  kind: TimelineKind,
});
export type TeleexpertiseEvent = z.infer<typeof TeleexpertiseEvent>;
