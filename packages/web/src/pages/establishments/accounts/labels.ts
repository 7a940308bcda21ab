import { Role } from '@liaison/core/api/index';
import type { TFunction } from 'i18next';

const STATUSES = ['pending', 'active', 'rejected', 'disabled'] as const;
type Status = (typeof STATUSES)[number];

/** AccountRow carries role and status as plain strings; translate the known ones, show others as sent. */
export function roleLabel(t: TFunction, role: string): string {
  const parsed = Role.safeParse(role);
  return parsed.success ? t(`roles.${parsed.data}`) : role;
}

export function statusLabel(t: TFunction, status: string): string {
  const known = STATUSES.find((candidate: Status) => candidate === status);
  return known ? t(`accountStatus.${known}`) : status;
}
