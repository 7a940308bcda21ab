import type { StatsQuery, StatsReport } from '@liaison/core/api/stats';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';

/** Statistics from message metadata (issue 7). STUB: the stats feature fills it in. */
export class StatsService {
  constructor(private readonly deps: Deps) {}

  report(_actor: Actor, _query: StatsQuery): Promise<StatsReport> {
    void this.deps;
    throw new Error('not implemented');
  }
}
