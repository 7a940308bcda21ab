import {
  STATUS_COMPONENTS,
  type ComponentState,
  type PublicStatus,
  type StatusComponent,
  type StatusEvent,
} from '@liaison/core/api/status';
import { SEVERITY_RANK } from './events.ts';

/** How long an ended event stays on the public page and in the feed. */
export const PAST_DAYS = 90;

const STATE_RANK: Record<ComponentState, number> = { operational: 0, maintenance: 1, degraded: 2, outage: 3 };

/** What one ongoing event does to the components it names. */
function impact(event: StatusEvent): ComponentState {
  if (event.kind === 'maintenance') return 'maintenance';
  return SEVERITY_RANK[event.severity] >= SEVERITY_RANK.major ? 'outage' : 'degraded';
}

/** Most severe first; an incident before a maintenance of the same severity; then oldest first. */
function bySeverity(a: StatusEvent, b: StatusEvent): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    Number(b.kind === 'incident') - Number(a.kind === 'incident') ||
    a.startsAt.localeCompare(b.startsAt)
  );
}

export interface StatusSections {
  current: StatusEvent[];
  upcoming: StatusEvent[];
  past: StatusEvent[];
}

/** Splits visible events into the page's three lists, each in its documented order. */
export function sections(events: StatusEvent[], pastSince: string): StatusSections {
  const current = events.filter((e) => e.state === 'ongoing').sort(bySeverity);
  const upcoming = events
    .filter((e) => e.state === 'scheduled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = events
    .filter((e) => e.state === 'ended' && e.endsAt !== null && e.endsAt >= pastSince)
    .sort((a, b) => (b.endsAt ?? '').localeCompare(a.endsAt ?? ''));
  return { current, upcoming, past };
}

export function publicStatus(parts: StatusSections, generatedAt: string, supportHours: string): PublicStatus {
  const worst = new Map<StatusComponent, ComponentState>();
  for (const event of parts.current) {
    const state = impact(event);
    for (const component of event.components) {
      const before = worst.get(component) ?? 'operational';
      if (STATE_RANK[state] > STATE_RANK[before]) worst.set(component, state);
    }
  }
  return {
    generatedAt,
    supportHours,
    components: STATUS_COMPONENTS.map((component) => ({
      component,
      state: worst.get(component) ?? 'operational',
    })),
    ...parts,
  };
}
