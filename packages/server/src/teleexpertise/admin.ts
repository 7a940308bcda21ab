import type { Deps } from '../deps.ts';

/**
 * Tele-expertise administration: forms (built-in and imported), services (a department's ORG mailbox,
 * deadline, accepted forms) and their experts.
 */
export class TeleexpertiseAdminService {
  constructor(private readonly deps: Deps) {}
}
