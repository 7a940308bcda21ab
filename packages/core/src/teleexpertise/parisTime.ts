/**
 * Tele-expertise dates as French professionals and the health insurance read them: the calendar day
 * in Europe/Paris (an answer sent at 00:30 on 1 December, Paris time, is a December act even though it
 * is still 30 November in UTC). Same zone as the on-duty slots on the server.
 */
export const TE_TIME_ZONE = 'Europe/Paris';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant (ISO string or Date) → its Paris calendar day, YYYY-MM-DD. */
export function parisDay(at: string | Date): string {
  const parts = dayFormat.formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function frenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}
