import type { StatusComponent, StatusEventKind, StatusSeverity } from '@liaison/core/api/status';

/** Words shown to people outside the app (emails, feed): French first, English second. */
export interface Bilingual {
  fr: string;
  en: string;
}

export const KIND_LABELS: Record<StatusEventKind, Bilingual> = {
  incident: { fr: 'Incident', en: 'Incident' },
  maintenance: { fr: 'Maintenance', en: 'Maintenance' },
};

export const SEVERITY_LABELS: Record<StatusSeverity, Bilingual> = {
  info: { fr: 'information', en: 'information' },
  minor: { fr: 'mineure', en: 'minor' },
  major: { fr: 'majeure', en: 'major' },
  critical: { fr: 'critique', en: 'critical' },
};

export const COMPONENT_LABELS: Record<StatusComponent, Bilingual> = {
  web: { fr: 'Application web', en: 'Web application' },
  mail: { fr: 'Messagerie sécurisée', en: 'Secure mail' },
  directory: { fr: 'Annuaire', en: 'Directory' },
  ldap: { fr: 'Annuaire LDAP', en: 'LDAP directory' },
  api: { fr: 'API et connecteurs', en: 'API and connectors' },
  chat: { fr: 'Messagerie instantanée', en: 'Chat' },
  telexpertise: { fr: 'Télé-expertise', en: 'Tele-expertise' },
  certificates: { fr: 'Certificats', en: 'Certificates' },
};

export function componentList(components: readonly StatusComponent[], lang: keyof Bilingual): string {
  return components.map((c) => COMPONENT_LABELS[c][lang]).join(', ');
}

const PARIS_FR = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});
const PARIS_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});

/** "lundi 2 mars 2026 à 09:00 (heure de Paris) — 08:00 UTC": establishments read local time first. */
export function parisTime(isoTime: string, lang: keyof Bilingual): string {
  const date = new Date(isoTime);
  const utc = `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)} UTC`;
  return lang === 'fr'
    ? `${PARIS_FR.format(date)} (heure de Paris ; ${utc})`
    : `${PARIS_EN.format(date)} (Paris time; ${utc})`;
}
