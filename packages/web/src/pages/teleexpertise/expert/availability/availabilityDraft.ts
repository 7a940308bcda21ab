import type { Availability, AvailabilityView } from '@liaison/core/api/teleexpertise';

/**
 * The availability editor's state and its checks, kept apart from the screen so the rules are plain
 * functions. Slots are wall-clock times of the instance (Europe/Paris); absences are typed in the
 * browser's local time (`datetime-local`) and sent as instants.
 */

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SlotDraft {
  /** Stable React key: rows are added and removed in the middle of a day. */
  key: string;
  weekday: Weekday;
  start: string;
  end: string;
}

export interface AbsenceDraft {
  key: string;
  /** `YYYY-MM-DDTHH:MM`, the browser's local time, as a datetime-local input holds it. */
  from: string;
  to: string;
  label: string;
}

export interface AvailabilityDraft {
  capacity: number;
  slots: SlotDraft[];
  absences: AbsenceDraft[];
}

export type SlotProblem = 'format' | 'order';
export type AbsenceProblem = 'missing' | 'order';

const CLOCK = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `row-${counter}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An ISO instant as a datetime-local value, in this browser's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant (null when empty or unreadable). */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toDraft(view: AvailabilityView): AvailabilityDraft {
  return {
    capacity: view.capacity,
    slots: view.slots.map((slot) => ({
      key: newKey(),
      weekday: slot.weekday as Weekday,
      start: slot.start,
      end: slot.end,
    })),
    absences: view.absences.map((absence) => ({
      key: newKey(),
      from: toLocalInput(absence.from),
      to: toLocalInput(absence.to),
      label: absence.label ?? '',
    })),
  };
}

/** `<input type="time">` may give seconds ("08:00:00") on some browsers: keep HH:MM. */
export function normaliseClock(value: string): string {
  return value.slice(0, 5);
}

export function slotProblem(slot: Pick<SlotDraft, 'start' | 'end'>): SlotProblem | null {
  if (!CLOCK.test(slot.start) || !CLOCK.test(slot.end)) return 'format';
  // HH:MM strings of the same width compare like the times they write.
  return slot.start < slot.end ? null : 'order';
}

export function absenceProblem(absence: Pick<AbsenceDraft, 'from' | 'to'>): AbsenceProblem | null {
  const from = fromLocalInput(absence.from);
  const to = fromLocalInput(absence.to);
  if (from === null || to === null) return 'missing';
  return Date.parse(from) < Date.parse(to) ? null : 'order';
}

export function draftIsValid(draft: AvailabilityDraft): boolean {
  return (
    Number.isInteger(draft.capacity) &&
    draft.capacity >= 0 &&
    draft.capacity <= 100 &&
    draft.slots.every((slot) => slotProblem(slot) === null) &&
    draft.absences.every((absence) => absenceProblem(absence) === null)
  );
}

/** The request body; call only on a valid draft. Slots sorted by day then start, for a stable view. */
export function toAvailability(draft: AvailabilityDraft): Availability {
  return {
    capacity: draft.capacity,
    slots: [...draft.slots]
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
      .map(({ weekday, start, end }) => ({ weekday, start, end })),
    absences: draft.absences.map((absence) => {
      const label = absence.label.trim();
      return {
        from: fromLocalInput(absence.from) ?? '',
        to: fromLocalInput(absence.to) ?? '',
        ...(label === '' ? {} : { label }),
      };
    }),
  };
}
