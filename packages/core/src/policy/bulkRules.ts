/**
 * Bulk-mail rules (usage charter, article 5): Liaison is not a broadcasting tool. The server holds a
 * message for a technician's review when it trips one of these rules; compose and the CLI ask the
 * server beforehand (precheck) and warn. Both sides evaluate with this one function, on metadata only.
 */
import type { MailCategory } from '../api/mail.ts';
import type { RuleTrip } from '../api/mailHold.ts';

export const BULK_MAIL_CHARTER_ARTICLE = 5;
/** Recipients of one message, To and Cc together, above which it is held. */
export const DEFAULT_MESSAGE_RECIPIENTS = 20;
/** Distinct recipients of information messages from one sender per hour, above which they are held. */
export const DEFAULT_HOURLY_RECIPIENTS = 40;
export const HOURLY_WINDOW_MS = 60 * 60 * 1000;

export interface Limit {
  value: number;
  source: RuleTrip['source'];
}

export interface BulkLimits {
  messageRecipients: Limit;
  hourlyRecipients: Limit;
  /** APP mailboxes by default, or whoever a technician exempted. */
  hourlyExempt: boolean;
}

/**
 * Patients a message declares: an information message is about none; a patient letter that says
 * nothing is about one.
 */
export function declaredPatients(category: MailCategory, patients: number | undefined): number {
  if (category === 'information') return 0;
  return patients ?? 1;
}

/**
 * Whether a message counts toward the hourly rule: information messages do, and so do patient letters
 * about several patients at once; a letter about one patient (the ordinary letter) does not.
 */
export function countsTowardHourly(category: MailCategory, patients: number): boolean {
  return category === 'information' || patients !== 1;
}

export interface BulkFacts {
  /** To and Cc of this message, each mailbox once. */
  recipients: number;
  /**
   * Distinct recipient mailboxes of counted messages from this sender over the past hour, this
   * message's included when it counts.
   */
  hourlyRecipients: number;
  counts: boolean;
}

/** The rules a message trips, per-message rule first. */
export function bulkTrips(facts: BulkFacts, limits: BulkLimits): RuleTrip[] {
  const trips: RuleTrip[] = [];
  if (facts.recipients > limits.messageRecipients.value) {
    trips.push({
      rule: 'message_recipients',
      charterArticle: BULK_MAIL_CHARTER_ARTICLE,
      limit: limits.messageRecipients.value,
      observed: facts.recipients,
      source: limits.messageRecipients.source,
    });
  }
  if (facts.counts && !limits.hourlyExempt && facts.hourlyRecipients > limits.hourlyRecipients.value) {
    trips.push({
      rule: 'hourly_recipients',
      charterArticle: BULK_MAIL_CHARTER_ARTICLE,
      limit: limits.hourlyRecipients.value,
      observed: facts.hourlyRecipients,
      source: limits.hourlyRecipients.source,
    });
  }
  return trips;
}
