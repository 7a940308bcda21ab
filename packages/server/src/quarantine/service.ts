import type { Deps } from '../deps.ts';

/** Held messages and sender limits, for technicians. (Being built.) */
export class QuarantineService {
  constructor(private readonly deps: Deps) {}
}
