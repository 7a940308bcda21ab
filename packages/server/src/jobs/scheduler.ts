import { addMs, iso, type Clock } from '../clock.ts';
import type { Database } from '../db/index.ts';
import { claimJob, finishJob, renewLease } from './lease.ts';
import { errorMessage, nextSlot } from './schedule.ts';
import type { JobHandler, SchedulerOptions } from './types.ts';

const DEFAULT_LEASE_MS = 5 * 60_000;
/** jobs.interval_ms is a 32-bit integer on PostgreSQL. */
const MAX_INTERVAL_MS = 2_147_483_647;

interface RegisteredJob {
  name: string;
  intervalMs: number;
  handler: JobHandler;
  firstRunAt: Date | undefined;
  /** The row upsert, kept so runDue can wait for it and retry it after a failure. */
  stored: Promise<void> | undefined;
}

/**
 * Runs periodic jobs from the jobs table. Every node registers the same jobs and polls; the
 * database lease decides which node runs each due job, so adding nodes never duplicates a run.
 * Time comes from the injected clock: tests use a ManualClock and call runDue() directly.
 */
export class Scheduler {
  private readonly jobs = new Map<string, RegisteredJob>();
  private readonly running = new Set<AbortController>();
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly nodeId: string,
    private readonly options: SchedulerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * Declares a job and upserts its row: a new row is first due at `firstRunAt` (default one interval
   * from now); an existing row keeps its next_run_at, so restarts do not shift the schedule.
   */
  register(name: string, intervalMs: number, handler: JobHandler, opts: { firstRunAt?: Date } = {}): void {
    if (this.jobs.has(name)) throw new Error(`job ${name} is already registered`);
    if (!Number.isInteger(intervalMs) || intervalMs < 1 || intervalMs > MAX_INTERVAL_MS) {
      throw new Error(`job ${name}: interval must be a whole number of ms between 1 and ${MAX_INTERVAL_MS}`);
    }
    const job: RegisteredJob = { name, intervalMs, handler, firstRunAt: opts.firstRunAt, stored: undefined };
    this.jobs.set(name, job);
    // Start the upsert now; a failure is reported and retried by the next runDue.
    this.ensureStored(job).catch(() => undefined);
  }

  /** Claims and runs every due job (distinct jobs in parallel); returns the names that ran. */
  async runDue(): Promise<string[]> {
    const stored = await this.storedJobs();
    if (stored.length === 0 || this.stopping) return [];
    const now = iso(this.clock.now());
    // A cheap read first so an idle poll writes nothing; the claim re-checks everything atomically.
    const due = await this.db.read
      .selectFrom('jobs')
      .select('name')
      .where('name', 'in', stored)
      .where('next_run_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('name')
      .execute();
    const ran = await Promise.all(due.map(({ name }) => this.runOne(name)));
    return due.filter((_, i) => ran[i]).map(({ name }) => name);
  }

  /** Polls every `pollMs` without keeping the process alive; a poll is skipped while one is running. */
  start(pollMs: number): void {
    if (this.timer) throw new Error('scheduler already started');
    this.stopping = false;
    const poll = (): void => {
      if (this.polling) return;
      this.polling = this.runDue()
        .then(() => undefined)
        .catch((err: unknown) => this.report(err, null))
        .finally(() => {
          this.polling = undefined;
        });
    };
    this.timer = setInterval(poll, pollMs);
    this.timer.unref();
    poll();
  }

  /** Stops polling, asks running jobs to wind down (their signal aborts) and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    for (const controller of this.running) controller.abort(new Error('scheduler stopping'));
    await this.polling;
  }

  private async runOne(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job || this.stopping) return false;
    const startedAt = this.clock.now();
    const claim = await claimJob(this.db, name, this.nodeId, startedAt, this.leaseMs);
    if (!claim) return false; // another node got there first
    const controller = new AbortController();
    this.running.add(controller);
    const heartbeat = this.keepLease(job, controller);
    let error: string | null = null;
    try {
      await job.handler({ now: startedAt, signal: controller.signal });
    } catch (err) {
      error = errorMessage(err);
      this.report(err, name);
    } finally {
      clearInterval(heartbeat);
      this.running.delete(controller);
    }
    const finishedAt = this.clock.now();
    const outcome = { finishedAt, error, nextRunAt: nextSlot(claim.scheduledAt, job.intervalMs, finishedAt) };
    try {
      if (!(await finishJob(this.db, name, this.nodeId, outcome))) {
        this.report(new Error(`job ${name}: lease lost before the run was recorded`), name);
      }
    } catch (err) {
      // The lease then expires and the job runs again: better twice than never.
      this.report(err, name);
    }
    return true;
  }

  /** Renews the lease on a real timer while the handler runs; aborts the handler if the lease is lost. */
  private keepLease(job: RegisteredJob, controller: AbortController): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        renewLease(this.db, job.name, this.nodeId, addMs(this.clock.now(), this.leaseMs)).then(
          (held) => {
            if (!held) controller.abort(new Error(`job ${job.name}: lease lost to another node`));
          },
          (err: unknown) => this.report(err, job.name),
        );
      },
      Math.max(1, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  /** Names of registered jobs whose row exists; failed upserts are reported and retried next time. */
  private async storedJobs(): Promise<string[]> {
    const jobs = [...this.jobs.values()];
    const ok = await Promise.all(
      jobs.map((job) =>
        this.ensureStored(job).then(
          () => true,
          (err: unknown) => {
            this.report(err, job.name);
            return false;
          },
        ),
      ),
    );
    return jobs.filter((_, i) => ok[i]).map((job) => job.name);
  }

  private ensureStored(job: RegisteredJob): Promise<void> {
    job.stored ??= this.upsert(job).catch((err: unknown) => {
      job.stored = undefined;
      throw err;
    });
    return job.stored;
  }

  private async upsert(job: RegisteredJob): Promise<void> {
    const firstRunAt = job.firstRunAt ?? addMs(this.clock.now(), job.intervalMs);
    await this.db.transaction(async (tx) => {
      await tx.db
        .insertInto('jobs')
        .values({ name: job.name, interval_ms: job.intervalMs, next_run_at: iso(firstRunAt) })
        // The code's interval wins over the stored one; the stored schedule is kept.
        .onConflict((oc) => oc.column('name').doUpdateSet({ interval_ms: job.intervalMs }))
        .execute();
    });
  }

  private report(error: unknown, job: string | null): void {
    try {
      this.options.onError?.(error, job);
    } catch {
      // A broken reporter must not take the scheduler down with it.
    }
  }
}
