import type { StatusEvent } from '@liaison/core/api/status';
import { componentList, KIND_LABELS, parisTime, SEVERITY_LABELS, type Bilingual } from './labels.ts';

export interface AlertSettings {
  publicUrl: string;
  supportHours: string;
}

export interface AlertText {
  subject: string;
  text: string;
}

/** What the alert announces, from the event's state when it is posted. */
function headline(event: StatusEvent, isUpdate: boolean): Bilingual {
  let label: Bilingual;
  if (event.kind === 'maintenance') {
    label =
      event.state === 'scheduled'
        ? { fr: 'Maintenance planifiée', en: 'Planned maintenance' }
        : event.state === 'ongoing'
          ? { fr: 'Maintenance en cours', en: 'Maintenance in progress' }
          : { fr: 'Maintenance terminée', en: 'Maintenance completed' };
  } else {
    label =
      event.state === 'ended' ? { fr: 'Incident résolu', en: 'Incident resolved' } : KIND_LABELS.incident;
  }
  // "Resolved" or "completed" already says what changed; any other update says it is one.
  if (isUpdate && event.state !== 'ended') {
    label = { fr: `${label.fr} (mise à jour)`, en: `${label.en} (update)` };
  }
  return label;
}

/** A header must be one line: a title pasted with a line break would otherwise fold oddly or be cut. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function facts(event: StatusEvent, lang: keyof Bilingual): string[] {
  const fr = lang === 'fr';
  // French typography puts a space before the colon; English does not.
  const sep = fr ? ' : ' : ': ';
  const end = event.endsAt ? parisTime(event.endsAt, lang) : fr ? 'pas encore connue' : 'not known yet';
  return [
    `${fr ? 'Début' : 'Start'}${sep}${parisTime(event.startsAt, lang)}`,
    `${fr ? 'Fin' : 'End'}${sep}${end}`,
    `${fr ? 'Gravité' : 'Severity'}${sep}${SEVERITY_LABELS[event.severity][lang]}`,
    `${fr ? 'Services concernés' : 'Affected services'}${sep}${componentList(event.components, lang)}`,
  ];
}

/**
 * The alert email: French first, English below, plain text. It carries only what the technician
 * wrote for the public page (no patient data ever goes here) and a link to that page.
 */
export function alertText(
  event: StatusEvent,
  update: { at: string; body: string } | null,
  settings: AlertSettings,
): AlertText {
  const title = oneLine(event.title);
  const label = headline(event, update !== null);
  const page = `${settings.publicUrl}/status`;
  const message = update
    ? [`Mise à jour du ${parisTime(update.at, 'fr')} :`, update.body, '', 'Description :', event.description]
    : [event.description];
  const text = [
    'Bonjour,',
    '',
    `${label.fr} sur Liaison : ${title}`,
    '',
    ...facts(event, 'fr'),
    '',
    ...message,
    '',
    `État du service en direct : ${page}`,
    `Support : ${settings.supportHours}. Vous pouvez répondre à ce message.`,
    '',
    "L'équipe Liaison",
    '',
    "Vous recevez ce message parce que cette adresse est la boîte d'alerte ou celle d'un administrateur",
    "d'un établissement inscrit sur Liaison.",
    '',
    '----------------------------------------------------------------------',
    'English version',
    '',
    `${label.en} on Liaison: ${title}`,
    '',
    ...facts(event, 'en'),
    '',
    "The Liaison team's message is above, as written (in French).",
    '',
    `Live service status: ${page}`,
    `Support hours (as above, in French): ${settings.supportHours}. You can reply to this message.`,
    '',
    'The Liaison team',
    '',
    'You receive this message because this address is the alert mailbox or the address of an',
    'administrator of an establishment registered on Liaison.',
    '',
  ].join('\n');
  return { subject: `[Liaison] ${label.fr} : ${title}`, text };
}
