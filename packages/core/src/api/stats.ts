import { z } from 'zod';
import { Id } from './common.ts';

/**
 * Statistics (issue 7): figures computed in SQL from message metadata, for a period and the period of
 * the same length just before it. Only metadata is counted; a held or rejected message (usage rules,
 * article 5) is not "exchanged" until a technician releases it.
 */

/** A calendar day, YYYY-MM-DD (UTC days: a message counts on the UTC date it was submitted). */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** Longest period one report covers: three years (a year compared with the one before fits easily). */
export const STATS_MAX_DAYS = 1096;

export const StatsQuery = z.strictObject({
  /** First day included. */
  from: IsoDay,
  /** Last day included. */
  to: IsoDay,
  /** An establishment's own figures; absent: the whole platform (platform admins only). */
  establishment: Id.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/**
 * Who a person counts as, from their establishment's kind and their profession (TRE_G15):
 * hospital/clinic staff → hospital; EHPAD staff → ehpad; laboratory staff → lab; then pharmacists (21)
 * and midwives (50) outside those; other city practices and physicians → city; anyone else → other.
 */
export const USER_CATEGORIES = [
  'city',
  'hospital',
  'ehpad',
  'lab',
  'pharmacist',
  'midwife',
  'other',
] as const;
export const UserCategory = z.enum(USER_CATEGORIES);
export type UserCategory = z.infer<typeof UserCategory>;

export const StatsPeriod = z.object({ from: IsoDay, to: IsoDay, days: z.number().int() });
export type StatsPeriod = z.infer<typeof StatsPeriod>;

/** One figure for the period and for the period before. */
export const Figure = z.object({ current: z.number(), previous: z.number() });
export type Figure = z.infer<typeof Figure>;

export const StatsScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('platform') }),
  z.object({ kind: z.literal('establishment'), id: Id, name: z.string(), orgKind: z.string() }),
]);
export type StatsScope = z.infer<typeof StatsScope>;

export const StatsReport = z.object({
  scope: StatsScope,
  period: StatsPeriod,
  previousPeriod: StatsPeriod,
  /** Distinct people who sent, or were a member of a mailbox that received, a counted message. */
  activeUsers: Figure,
  /** Active users per category (every category listed, zeros included, in USER_CATEGORIES order). */
  usersByCategory: z.array(z.object({ category: UserCategory, current: z.number(), previous: z.number() })),
  /** Counted messages (platform: all; establishment: sent by it or received by it). */
  messagesExchanged: Figure,
  /**
   * Flows of healthcare establishments (organisation kinds hospital and clinic) with everyone else
   * ("city"). For an establishment's own page, the same figures restricted to that establishment.
   */
  establishments: z.object({
    sent: Figure,
    received: Figure,
    /** Establishment staff who sent at least one counted message. */
    distinctSenders: Figure,
    /** People outside establishments who received at least one message from an establishment. */
    distinctCityRecipients: Figure,
    /** People outside establishments who sent at least one message to an establishment. */
    distinctCitySenders: Figure,
    /** Establishment staff who received at least one counted message. */
    distinctRecipients: Figure,
  }),
  /** Top 10 establishments by messages sent in the period (empty on an establishment's own page). */
  topEstablishments: z.array(
    z.object({ id: Id, name: z.string(), kind: z.string(), sent: z.number(), postageSavedCents: z.number() }),
  ),
  /** Postage a paper letter would have cost: counted messages × unit cost (euro cents, integers). */
  postage: z.object({
    unitCostCents: z.number().int(),
    savedCents: Figure,
    /** Average over the 5 establishments that sent most (platform only; zeros on an establishment page). */
    topFiveAverage: z.object({ messages: z.number(), savedCents: z.number() }),
  }),
  /** EHPAD on the platform at the end of each period, their beds, and shares of the national totals. */
  ehpad: z.object({
    covered: Figure,
    beds: Figure,
    nationalCount: z.number().int(),
    nationalBeds: z.number().int(),
    /** covered.current / nationalCount, 0..1. */
    coveredShare: z.number(),
    /** beds.current / nationalBeds, 0..1. */
    bedsShare: z.number(),
  }),
  /** Bulk-mail interceptions (usage rules, article 5) by the day the message was held. */
  interceptions: z.object({ total: Figure, held: Figure, released: Figure, rejected: Figure }),
  /**
   * Counted messages over time. Buckets: each day when the period has at most 62 days; 7-day buckets
   * starting on `from` up to 366 days; calendar months beyond (the first and last may be partial).
   * `previous` is the bucket at the same position in the previous period (0 when it has none).
   */
  series: z.object({
    granularity: z.enum(['day', 'week', 'month']),
    points: z.array(z.object({ start: IsoDay, messages: z.number(), previous: z.number() })),
  }),
});
export type StatsReport = z.infer<typeof StatsReport>;

/**
 * GET /api/stats/teleexpertise?from&to[&establishment] (same access as GET /api/stats): how fast
 * tele-expertise requests created in the period were accepted and answered. Durations are in
 * milliseconds; median and 90th percentile by the nearest-rank method (the value at rank ⌈p·n⌉ of the
 * sorted durations, so always an observed duration; for an even count the median is the lower middle).
 */
export const TeleexpertiseDurations = z.object({
  /** Requests measured: those that reached the step (first acceptance, or answer). */
  count: z.number().int().min(0),
  /** null when count is 0. */
  medianMs: z.number().int().nullable(),
  p90Ms: z.number().int().nullable(),
});
export type TeleexpertiseDurations = z.infer<typeof TeleexpertiseDurations>;

export const TeleexpertiseCounts = z.object({
  /** Created in the period. */
  requests: z.number().int().min(0),
  /** Of those, accepted at least once by an expert. */
  accepted: z.number().int().min(0),
  completed: z.number().int().min(0),
  rejected: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  /** Not completed, rejected nor cancelled yet. */
  open: z.number().int().min(0),
});
export type TeleexpertiseCounts = z.infer<typeof TeleexpertiseCounts>;

export const TeleexpertiseFigures = z.object({
  scope: StatsScope,
  period: StatsPeriod,
  /** Every service in scope, requests or not, by establishment then name. */
  services: z.array(
    z.object({
      id: Id,
      name: z.string(),
      organisationName: z.string(),
      counts: TeleexpertiseCounts,
      /** created → first accepted. */
      toAcceptance: TeleexpertiseDurations,
      /** created → answered. */
      toAnswer: TeleexpertiseDurations,
    }),
  ),
  /**
   * Per expert and service: the expert is the request's assignee as it stands (for a completed
   * request, the one who answered). Only experts with at least one accepted request of the period.
   */
  experts: z.array(
    z.object({
      userId: Id,
      displayName: z.string(),
      serviceId: Id,
      serviceName: z.string(),
      accepted: z.number().int().min(0),
      completed: z.number().int().min(0),
      toAcceptance: TeleexpertiseDurations,
      toAnswer: TeleexpertiseDurations,
    }),
  ),
});
export type TeleexpertiseFigures = z.infer<typeof TeleexpertiseFigures>;
