import type { Deps } from '../deps.ts';

/** Service status: incidents, maintenance, public page, Atom feed, alerts. STUB: the status feature fills it in. */
export class StatusService {
  constructor(private readonly deps: Deps) {}

  /** Sends the alert emails that are due (the `status.alerts` job). */
  deliverAlerts(): Promise<void> {
    void this.deps;
    return Promise.resolve();
  }
}
