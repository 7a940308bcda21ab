/** What a caller records. `details` must never hold secrets, passwords, tokens or message content. */
export interface AuditEventInput {
  /** Who acted: a user id, `system`, or null when unknown (a failed login from nobody known). */
  actor: string | null;
  /** Dotted verb, stable across versions: `auth.login`, `registration.approved`. */
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export type AuditProblemKind =
  | 'modified'
  | 'deleted'
  | 'truncated'
  | 'bad-head-signature'
  | 'bad-checkpoint-signature'
  | 'checkpoint-mismatch';

export interface AuditProblem {
  seq: number | null;
  kind: AuditProblemKind;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Events examined. */
  events: number;
  problems: AuditProblem[];
}

/** Thrown by append/checkpoint when the signed head does not hold: extending it would launder it. */
export class AuditIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditIntegrityError';
  }
}
