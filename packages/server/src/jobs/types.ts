export interface JobContext {
  /** The clock's time when this run started. */
  now: Date;
  /** Aborted when the scheduler stops or this node loses the job's lease: wind down and return. */
  signal: AbortSignal;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface SchedulerOptions {
  /**
   * How long a claim holds without renewal (default 5 minutes). A running job renews it every third
   * of that; a node that crashed mid-run lets another node take the job once it expires.
   */
  leaseMs?: number;
  /** Failed runs (also kept in jobs.last_error), lost leases and polling errors; `job` null for polling. */
  onError?: (error: unknown, job: string | null) => void;
}
