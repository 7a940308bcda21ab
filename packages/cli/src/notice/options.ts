/**
 * The notice as `liaison notice send` options give it, checked by core's schema before anything
 * touches the network: a typo in a date or a NIR passed as IPP is refused on the spot, naming fields.
 */
import { PatientNotice, type NoticeKind } from '@liaison/core/notice/index';
import { CliFailure } from '../failure.ts';

export interface NoticeOptions {
  kind: NoticeKind;
  lastName: string;
  firstName: string;
  birthDate: string;
  sex?: 'F' | 'M' | 'U';
  ipp?: string;
  at: string;
  service: string;
  destination?: string;
  note?: string;
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO date-time without offset is read as this machine's local time and given its offset, so a
 * script can pass the time its own system shows ("2026-12-06T10:40"); one with an offset is kept.
 */
export function withLocalOffset(at: string): string {
  const trimmed = at.trim();
  if (HAS_OFFSET.test(trimmed) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed)) return trimmed;
  const local = new Date(trimmed);
  if (Number.isNaN(local.getTime())) return trimmed;
  const minutes = -local.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${trimmed.length === 16 ? `${trimmed}:00` : trimmed}${sign}${hh}:${mm}`;
}

export function noticeFromOptions(o: NoticeOptions): PatientNotice {
  const parsed = PatientNotice.safeParse({
    kind: o.kind,
    patient: {
      lastName: o.lastName,
      firstName: o.firstName,
      birthDate: o.birthDate,
      ...(o.sex !== undefined ? { sex: o.sex } : {}),
      ...(o.ipp !== undefined ? { ipp: o.ipp } : {}),
    },
    at: withLocalOffset(o.at),
    service: o.service,
    ...(o.destination !== undefined ? { destination: o.destination } : {}),
    ...(o.note !== undefined ? { note: o.note } : {}),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'notice'}: ${i.message}`).join('; ');
    throw new CliFailure('VALIDATION_FAILED', issues);
  }
  return parsed.data;
}
