/**
 * Tables of the statistics rollups (migration 010). They hold counts of *counted* messages only (not
 * held, not rejected) by UTC day, and are derived data: `rebuildStatsRollups` recomputes them from the
 * mail tables at any time. `organisation_id` is '' for mailboxes without an organisation, so that it can
 * be part of a primary key on both dialects.
 */

/** Messages one organisation's mailboxes sent and received on one day. */
export interface StatsOrgDayTable {
  organisation_id: string;
  day: string;
  sent: number;
  /** Messages with at least one recipient mailbox of the organisation (once per message). */
  received: number;
  /** Messages sent or received by the organisation, a message it both sent and received counted once. */
  exchanged: number;
}

/** One person's counted messages on one day, through the mailboxes of one organisation. */
export interface StatsUserDayTable {
  user_id: string;
  day: string;
  organisation_id: string;
  /**
   * 1 when that organisation was an establishment (hospital or clinic) when the messages were counted:
   * part of the partial indexes that make "establishment staff who sent" one index probe per person.
   */
  establishment: number;
  sent: number;
  /** Sent messages with at least one recipient mailbox in an establishment. */
  sent_to_establishment: number;
  /** Messages received as a member of a recipient mailbox (once per message). */
  received: number;
  /** Received messages whose sender mailbox is an establishment's. */
  received_from_establishment: number;
}

/**
 * A person on the city side (their mailbox outside establishments) corresponding with another
 * organisation on one day: feeds an establishment page's distinct city senders and recipients.
 */
export interface StatsContactDayTable {
  /** The organisation the person wrote to or heard from (never their own, never ''). */
  organisation_id: string;
  day: string;
  user_id: string;
  /** Messages the person sent to a mailbox of that organisation. */
  sent_to: number;
  /** Messages the person received from a mailbox of that organisation. */
  received_from: number;
}

export interface StatsTables {
  stats_org_days: StatsOrgDayTable;
  stats_user_days: StatsUserDayTable;
  stats_contact_days: StatsContactDayTable;
}
