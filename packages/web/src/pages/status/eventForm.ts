import {
  STATUS_COMPONENTS,
  type AddStatusUpdateRequest,
  type CreateStatusEventRequest,
  type StatusComponent,
  type StatusEvent,
  type StatusEventKind,
  type StatusSeverity,
} from '@liaison/core/api/status';

/**
 * The technicians' forms (new incident or maintenance, and an update to one): their values, their
 * checks, and the requests they become. Dates are typed in `datetime-local` inputs, i.e. wall-clock
 * time on the technician's device, and sent as ISO 8601 with that device's offset for that date
 * ("2026-07-01T22:00:00+02:00"), so the server stores the instant that was meant. Pure, tested in
 * test/status.test.ts.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** "+02:00" in summer in Paris, "-05:00" in winter in New York: the offset in force on that date. */
function offsetText(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as wall-clock time on this device, with its offset. */
export function toOffsetIso(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${offsetText(date)}`
  );
}

/** "+02:00": said next to the date inputs, since they are read as this device's clock. */
export function deviceOffset(date: Date = new Date()): string {
  return offsetText(date);
}

/** A `datetime-local` value as ISO with offset; null when empty or not a date. */
export function localInputToIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return null;
  const parts = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const [year = 0, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = parts;
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  // "2026-02-30" or "25:00" roll over into another day: refuse them rather than guess.
  if (Number.isNaN(date.getTime()) || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return toOffsetIso(date);
}

/** The other way, to prefill an input: an instant as this device's wall-clock time, to the minute. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function isStatusComponent(value: string): value is StatusComponent {
  return (STATUS_COMPONENTS as readonly string[]).includes(value);
}

export interface EventFormValues {
  kind: StatusEventKind;
  title: string;
  severity: StatusSeverity;
  components: StatusComponent[];
  description: string;
  /** `datetime-local` values; `endsAt` may stay empty (end not known yet). */
  startsAt: string;
  endsAt: string;
  alert: boolean;
}

export function emptyEventForm(now: Date = new Date()): EventFormValues {
  return {
    kind: 'incident',
    title: '',
    severity: 'minor',
    components: [],
    description: '',
    startsAt: toLocalInput(now),
    endsAt: '',
    alert: false,
  };
}

/** What is wrong with a field: missing, not a date, or (the server's own code) an end before the start. */
export type FieldProblem = 'required' | 'date' | 'STATUS_EVENT_INVALID';

function endProblem(end: string, startIso: string | null): FieldProblem | null {
  if (end.trim() === '') return null;
  const endIso = localInputToIso(end);
  if (endIso === null) return 'date';
  if (startIso !== null && Date.parse(endIso) < Date.parse(startIso)) return 'STATUS_EVENT_INVALID';
  return null;
}

export function eventFormProblems(
  values: EventFormValues,
): Partial<Record<keyof EventFormValues, FieldProblem>> {
  const problems: Partial<Record<keyof EventFormValues, FieldProblem>> = {};
  if (values.title.trim() === '') problems.title = 'required';
  if (values.components.length === 0) problems.components = 'required';
  if (values.description.trim() === '') problems.description = 'required';
  const startIso = localInputToIso(values.startsAt);
  if (values.startsAt.trim() === '') problems.startsAt = 'required';
  else if (startIso === null) problems.startsAt = 'date';
  const end = endProblem(values.endsAt, startIso);
  if (end) problems.endsAt = end;
  return problems;
}

/** Only for values that passed `eventFormProblems`. Components keep the contract's order. */
export function toCreateRequest(values: EventFormValues): CreateStatusEventRequest {
  const startsAt = localInputToIso(values.startsAt);
  if (startsAt === null) throw new Error('start checked before');
  return {
    kind: values.kind,
    title: values.title.trim(),
    severity: values.severity,
    components: STATUS_COMPONENTS.filter((component) => values.components.includes(component)),
    description: values.description.trim(),
    startsAt,
    endsAt: values.endsAt.trim() === '' ? null : localInputToIso(values.endsAt),
    alert: values.alert,
  };
}

export interface UpdateFormValues {
  body: string;
  /** A new start (`datetime-local`) for a maintenance not begun yet, or empty to keep it. */
  startsAt: string;
  /** A new end (`datetime-local`), or empty to leave the end as it is. */
  endsAt: string;
  severity: StatusSeverity;
  alert: boolean;
}

export function updateFormFor(event: StatusEvent): UpdateFormValues {
  return { body: '', startsAt: '', endsAt: '', severity: event.severity, alert: false };
}

export function updateFormProblems(
  values: UpdateFormValues,
  event: StatusEvent,
): Partial<Record<keyof UpdateFormValues, FieldProblem>> {
  const problems: Partial<Record<keyof UpdateFormValues, FieldProblem>> = {};
  if (values.body.trim() === '') problems.body = 'required';
  let start = event.startsAt;
  if (values.startsAt.trim() !== '') {
    const moved = localInputToIso(values.startsAt);
    if (moved === null) problems.startsAt = 'date';
    else start = moved;
  }
  const end = endProblem(values.endsAt, start);
  if (end) problems.endsAt = end;
  return problems;
}

/** Sends only what changed: an unchanged severity or an empty start or end leaves the event's own. */
export function toUpdateRequest(values: UpdateFormValues, event: StatusEvent): AddStatusUpdateRequest {
  const endsAt = values.endsAt.trim() === '' ? null : localInputToIso(values.endsAt);
  const startsAt = values.startsAt.trim() === '' ? null : localInputToIso(values.startsAt);
  return {
    body: values.body.trim(),
    ...(startsAt !== null ? { startsAt } : {}),
    ...(endsAt !== null ? { endsAt } : {}),
    ...(values.severity !== event.severity ? { severity: values.severity } : {}),
    alert: values.alert,
  };
}
