import { Email } from '@liaison/core/api/common';
import { MAX_RECIPIENTS } from '@liaison/core/api/mail';
import type { SenderLimit, SenderLimitRequest } from '@liaison/core/api/usage';

/**
 * The per-sender limit form (charter article 5): what it starts from, how it is checked, and the
 * request it becomes. An empty number or « Par défaut » sends null: the server's default applies.
 * Pure, tested in test/quarantine.test.ts.
 */

export const MAX_MESSAGE_RECIPIENTS = MAX_RECIPIENTS;
export const MAX_HOURLY_RECIPIENTS = 100_000;

export const EXEMPT_CHOICES = ['default', 'exempt', 'notExempt'] as const;
export type ExemptChoice = (typeof EXEMPT_CHOICES)[number];

export interface LimitFormValues {
  address: string;
  /** What a Mantine NumberInput holds: a number, or '' when emptied. */
  messageRecipients: number | string;
  hourlyRecipients: number | string;
  hourlyExempt: ExemptChoice;
  note: string;
}

export function isExemptChoice(value: string | null): value is ExemptChoice {
  return value !== null && (EXEMPT_CHOICES as readonly string[]).includes(value);
}

export function exemptChoice(value: boolean | null): ExemptChoice {
  if (value === null) return 'default';
  return value ? 'exempt' : 'notExempt';
}

function exemptValue(choice: ExemptChoice): boolean | null {
  if (choice === 'default') return null;
  return choice === 'exempt';
}

/** The form for an existing limit, or an empty one (for `address` when opened from a held message). */
export function limitFormValues(limit: SenderLimit | null, address = ''): LimitFormValues {
  return {
    address: limit?.address ?? address,
    messageRecipients: limit?.messageRecipients ?? '',
    hourlyRecipients: limit?.hourlyRecipients ?? '',
    hourlyExempt: exemptChoice(limit?.hourlyExempt ?? null),
    note: limit?.note ?? '',
  };
}

/** A number field's value: null when empty (the default applies), NaN when it is not a number. */
export function limitNumber(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const trimmed = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function outOfRange(value: number | string, max: number): boolean {
  const number = limitNumber(value);
  return number !== null && !(Number.isInteger(number) && number >= 1 && number <= max);
}

export type LimitField = 'address' | 'messageRecipients' | 'hourlyRecipients';

/** Which fields are wrong; the form says why in words. */
export function limitProblems(values: LimitFormValues): LimitField[] {
  const problems: LimitField[] = [];
  if (!Email.safeParse(values.address).success) problems.push('address');
  if (outOfRange(values.messageRecipients, MAX_MESSAGE_RECIPIENTS)) problems.push('messageRecipients');
  if (outOfRange(values.hourlyRecipients, MAX_HOURLY_RECIPIENTS)) problems.push('hourlyRecipients');
  return problems;
}

/** The address the limit is for, as the server stores mailbox addresses (trimmed, lower case). */
export function limitAddress(values: Pick<LimitFormValues, 'address'>): string {
  return values.address.trim().toLowerCase();
}

export function limitRequest(values: LimitFormValues): SenderLimitRequest {
  const note = values.note.trim();
  return {
    messageRecipients: limitNumber(values.messageRecipients),
    hourlyRecipients: limitNumber(values.hourlyRecipients),
    hourlyExempt: exemptValue(values.hourlyExempt),
    note: note === '' ? null : note,
  };
}
