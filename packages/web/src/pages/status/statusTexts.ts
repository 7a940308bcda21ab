import type { ComponentState, StatusEventState, StatusSeverity } from '@liaison/core/api/status';

/**
 * How the service status is shown: dates at Paris time, and each state with a glyph and words as well
 * as a colour. Pure, tested in test/status.test.ts.
 */

function locale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

/**
 * Paris time whatever the reader's device says: the service and its users are in France, and a
 * maintenance "de 22 h à 23 h" must read the same for everyone.
 */
export function formatParisDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}

export const COMPONENT_STATE_LOOK: Record<ComponentState, { colour: string; glyph: string }> = {
  operational: { colour: 'teal', glyph: '✓' },
  maintenance: { colour: 'blue', glyph: '⚙' },
  degraded: { colour: 'orange', glyph: '⚠' },
  outage: { colour: 'red', glyph: '✕' },
};

export const SEVERITY_COLOURS: Record<StatusSeverity, string> = {
  info: 'blue',
  minor: 'yellow',
  major: 'orange',
  critical: 'red',
};

export const EVENT_STATE_COLOURS: Record<StatusEventState, string> = {
  scheduled: 'blue',
  ongoing: 'orange',
  ended: 'gray',
};
