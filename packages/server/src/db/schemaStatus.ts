/** Tables of the service status and the outbound email queue (migration 011). */

/** An incident or a planned maintenance. Its state (scheduled/ongoing/ended) is computed when read. */
export interface StatusEventTable {
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  severity: 'info' | 'minor' | 'major' | 'critical';
  /** JSON array of StatusComponent (packages/core api/status.ts). */
  components: string;
  description: string;
  starts_at: string;
  /** Null while the end is unknown. */
  ends_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A paragraph a technician added to an event (progress, resolution). */
export interface StatusUpdateTable {
  id: string;
  event_id: string;
  at: string;
  body: string;
  created_by: string;
}

/**
 * Plain-text emails waiting for the SMTP relay. A row is never deleted on failure: it is retried with
 * backoff until the relay takes it. `next_attempt_at` doubles as the claim: a sender moves it forward
 * with a conditional update before sending, so two nodes never send the same row at once.
 */
export interface OutboundEmailTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  sent_at: string | null;
  /** Short reason of the last failure, without credentials. */
  last_error: string | null;
  /** The status event the alert is about, if any. */
  event_id: string | null;
}

export interface StatusTables {
  status_events: StatusEventTable;
  status_updates: StatusUpdateTable;
  outbound_emails: OutboundEmailTable;
}
