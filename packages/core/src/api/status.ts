import { z } from 'zod';
import { Id } from './common.ts';

/**
 * Service status (issue 7): technicians post incidents and planned maintenance; anyone can read them
 * without signing in (web page and Atom feed); posting can alert every establishment by email.
 */

export const STATUS_EVENT_KINDS = ['incident', 'maintenance'] as const;
export const StatusEventKind = z.enum(STATUS_EVENT_KINDS);
export type StatusEventKind = z.infer<typeof StatusEventKind>;

/** info: nobody is hindered; minor: slower or partly unavailable; major: a component is down; critical: the whole service. */
export const STATUS_SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;
export const StatusSeverity = z.enum(STATUS_SEVERITIES);
export type StatusSeverity = z.infer<typeof StatusSeverity>;

/** The parts of Liaison a user can tell apart. */
export const STATUS_COMPONENTS = [
  'web',
  'mail',
  'directory',
  'ldap',
  'api',
  'chat',
  'telexpertise',
  'certificates',
] as const;
export const StatusComponent = z.enum(STATUS_COMPONENTS);
export type StatusComponent = z.infer<typeof StatusComponent>;

/** Computed when read: before start → scheduled; between start and end (or no end yet) → ongoing. */
export const StatusEventState = z.enum(['scheduled', 'ongoing', 'ended']);
export type StatusEventState = z.infer<typeof StatusEventState>;

export const StatusUpdate = z.object({ id: Id, at: z.string(), body: z.string() });
export type StatusUpdate = z.infer<typeof StatusUpdate>;

export const StatusEvent = z.object({
  id: Id,
  kind: StatusEventKind,
  title: z.string(),
  severity: StatusSeverity,
  components: z.array(StatusComponent),
  description: z.string(),
  /** ISO date-times (UTC). */
  startsAt: z.string(),
  /** null: not over yet / end unknown. */
  endsAt: z.string().nullable(),
  state: StatusEventState,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Oldest first. */
  updates: z.array(StatusUpdate),
});
export type StatusEvent = z.infer<typeof StatusEvent>;

export const ComponentState = z.enum(['operational', 'maintenance', 'degraded', 'outage']);
export type ComponentState = z.infer<typeof ComponentState>;

/** GET /api/status (public). */
export const PublicStatus = z.object({
  generatedAt: z.string(),
  /** As configured (LIAISON_SUPPORT_HOURS), shown as written. */
  supportHours: z.string(),
  /** Worst ongoing event per component: outage (major/critical incident), degraded (info/minor incident), maintenance. */
  components: z.array(z.object({ component: StatusComponent, state: ComponentState })),
  /** Ongoing events, most severe first. */
  current: z.array(StatusEvent),
  /** Scheduled events, soonest first. */
  upcoming: z.array(StatusEvent),
  /** Ended events of the last 90 days, most recent first. */
  past: z.array(StatusEvent),
});
export type PublicStatus = z.infer<typeof PublicStatus>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** POST /api/admin/status/events (technician or platform admin). */
export const CreateStatusEventRequest = z.strictObject({
  kind: StatusEventKind,
  title: Text(200),
  severity: StatusSeverity,
  components: z.array(StatusComponent).min(1).max(STATUS_COMPONENTS.length),
  description: Text(5000),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Email every establishment's alert mailbox and IT contacts (queued, retried until delivered). */
  alert: z.boolean().default(false),
});
export type CreateStatusEventRequest = z.infer<typeof CreateStatusEventRequest>;

/** POST /api/admin/status/events/:id/updates: a new paragraph, and optionally a new start, end or severity. */
export const AddStatusUpdateRequest = z.strictObject({
  body: Text(5000),
  /** Move the start (a maintenance postponed; with an end of now, one called off before it began). */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  /** Set (or clear with null) the end; "now" ends the event. */
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  severity: StatusSeverity.optional(),
  alert: z.boolean().default(false),
});
export type AddStatusUpdateRequest = z.infer<typeof AddStatusUpdateRequest>;

/** What a technician sees after posting: the event and how many alert emails were queued. */
export const StatusEventPosted = z.object({ event: StatusEvent, alertsQueued: z.number().int() });
export type StatusEventPosted = z.infer<typeof StatusEventPosted>;

/** GET /api/admin/status/alerts: delivery of alert emails (no addresses' contents, only counts and errors). */
export const StatusAlertDelivery = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  /** Oldest pending first, at most 50. */
  waiting: z.array(
    z.object({
      to: z.string(),
      subject: z.string(),
      attempts: z.number().int(),
      nextAttemptAt: z.string(),
      lastError: z.string().nullable(),
    }),
  ),
});
export type StatusAlertDelivery = z.infer<typeof StatusAlertDelivery>;
