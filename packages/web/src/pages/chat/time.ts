import type { TFunction } from 'i18next';
import { localDay } from './thread.ts';

/** Dates in the person's language (the app's two: French, British English). */
function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** A quoted message's date and time ("6 déc. 2026, 10:42"): a re-shared message may be days old. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function yesterday(now: Date): string {
  const date = new Date(now);
  date.setDate(date.getDate() - 1);
  return localDay(date.toISOString());
}

/** A day heading of the thread: "Aujourd'hui", "Hier", then the full date. */
export function formatDay(day: string, language: string, t: TFunction, now = new Date()): string {
  if (day === localDay(now.toISOString())) return t('chat.thread.today');
  if (day === yesterday(now)) return t('chat.thread.yesterday');
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'full' }).format(
    new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1),
  );
}

/** The list's last activity: the time today, "Hier", else a short date. */
export function formatActivity(iso: string, language: string, t: TFunction, now = new Date()): string {
  const day = localDay(iso);
  if (day === localDay(now.toISOString())) return formatTime(iso, language);
  if (day === yesterday(now)) return t('chat.thread.yesterday');
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'short' }).format(new Date(iso));
}
