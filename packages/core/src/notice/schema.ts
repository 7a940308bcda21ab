/**
 * A patient movement notice (admission, discharge, transfer, death): what an establishment's system
 * tells a GP about one of their patients. It travels inside a secure letter (see letter.ts), so the
 * server never sees it; this schema is what every reader holds it to.
 *
 * The patient is identified minimally: name, birth date, optionally sex and the establishment's own
 * patient id (IPP). Never the NIR: a GP identifies their patient without it, and a notice is not the
 * place to spread it, so an IPP that has the shape of a NIR is refused.
 */
import { z } from 'zod';
import { utf8 } from '../crypto/bytes.ts';

export const NOTICE_KINDS = ['admission', 'discharge', 'transfer', 'death'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NOTICE_SEXES = ['F', 'M', 'U'] as const;

/** UTF-8 JSON of a notice stays under this, so it fits in the 4 KiB encrypted summary with room left. */
export const NOTICE_MAX_JSON_BYTES = 2048;
export const NOTICE_NOTE_MAX_CHARS = 600;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 13 digits (15 with the key), Corsica as 2A/2B: what a NIR looks like, spaces and dots removed. */
const NIR_SHAPE = /^[1-478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}(?:[0-9]{2})?$/i;
/** No control characters: the fields go into HPRIM lines and a one-line card. */
const ONE_LINE = /^[^\p{Cc}]*$/u;
/** The note may have line breaks, nothing else of the control range. */
const NOTE_TEXT = /^[^\p{Cc}]*(?:\n[^\p{Cc}]*)*$/u;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const Name = (max: number) =>
  z.string().trim().min(1).max(max).regex(ONE_LINE, 'one line, no control characters');

export const BirthDate = z.string().refine(isCalendarDate, 'not a YYYY-MM-DD date since 1900');

/** The establishment's patient id: short, no spaces, and never a NIR. */
export const Ipp = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and . _ / - only')
  .refine((v) => !NIR_SHAPE.test(v.replace(/[.\-/_]/g, '')), 'looks like a NIR: give the IPP, never the NIR');

/** An instant with its offset, as ISO 8601 (e.g. 2026-12-06T10:40:00+01:00 or …Z). */
export const EventAt = z.iso.datetime({ offset: true });

export const NoticePatient = z.strictObject({
  lastName: Name(80),
  firstName: Name(80),
  birthDate: BirthDate,
  sex: z.enum(NOTICE_SEXES).optional(),
  ipp: Ipp.optional(),
});

export const PatientNotice = z
  .strictObject({
    kind: NoticeKind,
    patient: NoticePatient,
    at: EventAt,
    service: Name(120),
    /** Where the patient went (transfers only). */
    destination: Name(120).optional(),
    note: z
      .string()
      .trim()
      .max(NOTICE_NOTE_MAX_CHARS)
      .regex(NOTE_TEXT, 'no control characters but line breaks')
      .optional(),
  })
  .refine((n) => n.destination === undefined || n.kind === 'transfer', {
    message: 'only a transfer has a destination',
    path: ['destination'],
  })
  // Compared with the event's date as written (its own offset): that is the day people saw it happen.
  .refine((n) => n.patient.birthDate <= n.at.slice(0, 10), {
    message: 'the event is before the birth date',
    path: ['at'],
  })
  .refine((n) => utf8(JSON.stringify(n)).length <= NOTICE_MAX_JSON_BYTES, {
    message: `over ${NOTICE_MAX_JSON_BYTES} bytes as JSON`,
  });
export type PatientNotice = z.output<typeof PatientNotice>;
export type PatientNoticeInput = z.input<typeof PatientNotice>;
