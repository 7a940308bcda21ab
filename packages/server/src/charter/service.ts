import type { Deps } from '../deps.ts';

/** Charter versions: publication by a platform admin, acceptance by each person. (Being built.) */
export class CharterService {
  constructor(private readonly deps: Deps) {}
}
