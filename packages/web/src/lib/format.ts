/** Dates shown in the person's chosen language, with the time: decisions are audited to the minute. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** `medium` ("29 nov. 2026") fits table cells; `long` reads better in running text. */
export function formatDate(iso: string, language: string, style: 'long' | 'medium' = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: style }).format(date);
}

/** "3fa29c1b…" → "3fa2 9c1b …": a 32-digit certificate serial is compared by eye group by group. */
export function groupSerial(serial: string): string {
  return serial.replace(/(.{4})(?=.)/g, '$1 ');
}
