import type { WeeklySlot } from '@liaison/core/api/teleexpertise';

/**
 * Whether an expert is on duty at an instant: inside one of their weekly slots (read in the instance's
 * time zone, so a 09:00–12:00 slot stays 09:00–12:00 across daylight saving) and in no absence. Pure,
 * so the assignment property test and the screens ask the very same question.
 */
export const TELEEXPERTISE_TIME_ZONE = 'Europe/Paris';

export interface AbsenceSpan {
  /** ISO instants; [from, to). */
  from: string;
  to: string;
}

export interface ExpertAvailability {
  capacity: number;
  slots: readonly WeeklySlot[];
  absences: readonly AbsenceSpan[];
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** ISO weekday and 'HH:MM' of an instant in a time zone. */
export function localWeekTime(
  at: Date,
  timeZone = TELEEXPERTISE_TIME_ZONE,
): { weekday: number; time: string } {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[get('weekday')] ?? 0, time: `${get('hour')}:${get('minute')}` };
}

export function inSlot(slots: readonly WeeklySlot[], at: Date, timeZone = TELEEXPERTISE_TIME_ZONE): boolean {
  const { weekday, time } = localWeekTime(at, timeZone);
  return slots.some((s) => s.weekday === weekday && s.start <= time && time < s.end);
}

export function absentAt(absences: readonly AbsenceSpan[], at: Date): boolean {
  const t = at.getTime();
  return absences.some((a) => Date.parse(a.from) <= t && t < Date.parse(a.to));
}

/** On duty: in a slot and not absent (capacity is the caller's to compare with open requests). */
export function onDuty(
  availability: ExpertAvailability,
  at: Date,
  timeZone = TELEEXPERTISE_TIME_ZONE,
): boolean {
  return inSlot(availability.slots, at, timeZone) && !absentAt(availability.absences, at);
}

/** On duty and under capacity: may be handed one more request now. */
export function canTakeRequest(
  availability: ExpertAvailability,
  openRequests: number,
  at: Date,
  timeZone = TELEEXPERTISE_TIME_ZONE,
): boolean {
  return openRequests < availability.capacity && onDuty(availability, at, timeZone);
}
