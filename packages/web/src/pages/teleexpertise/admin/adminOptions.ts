import type { Me, OrganisationMailbox } from '@liaison/core/api/index';
import type { TeleexpertiseForm, TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { TRE_R38, type CodeEntry } from '@liaison/core/codes/index';
import type { Option } from '../../../lib/codes.ts';

/** Physicians' specialties (TRE_R38 SM…): a tele-expertise service is a medical specialty. */
export function medicalSpecialtyOptions(language: string): Option[] {
  return TRE_R38.codes
    .filter((entry: CodeEntry) => !entry.deprecated && /^SM[0-9]{2}$/.test(entry.code))
    .map((entry) => ({
      value: entry.code,
      label: `${language === 'en' ? entry.labelEn : entry.label} (${entry.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/**
 * The establishment's ORG mailboxes an admin can pick, from its full mailbox list, minus those
 * already serving a service. A mailbox without its key yet stays pickable (an owner can make the
 * key later) but says so, since no request can be encrypted to it until then.
 */
export function serviceMailboxOptions(
  mailboxes: readonly OrganisationMailbox[],
  services: readonly TeleexpertiseService[],
  noKeyLabel: string,
): Option[] {
  const taken = new Set(services.map((s) => s.mailboxId));
  return mailboxes
    .filter((m) => m.kind === 'ORG' && !taken.has(m.id))
    .map((m) => ({ value: m.id, label: m.hasKey ? m.address : `${m.address} (${noKeyLabel})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Fallback when the establishment's list cannot be read: the ORG mailboxes this admin belongs to
 * (from /api/me), minus those already serving a service. The server checks the rest.
 */
export function memberMailboxOptions(
  me: Pick<Me, 'mailboxes'>,
  organisationId: string | null,
  services: readonly TeleexpertiseService[],
): Option[] {
  if (organisationId === null) return [];
  const taken = new Set(services.map((s) => s.mailboxId));
  return me.mailboxes
    .filter((m) => m.kind === 'ORG' && m.organisationId === organisationId && !taken.has(m.id))
    .map((m) => ({ value: m.id, label: m.address }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export const formValue = (form: Pick<TeleexpertiseForm, 'url' | 'version'>) => `${form.url}|${form.version}`;

export function formOptions(forms: readonly TeleexpertiseForm[]): Option[] {
  return forms.map((form) => ({ value: formValue(form), label: `${form.title} (v${form.version})` }));
}

/** `url|version` back to a FormRef (the version never holds a "|"; the url might not either). */
export function formRefOf(value: string): { url: string; version: string } {
  const at = value.lastIndexOf('|');
  return { url: value.slice(0, at), version: value.slice(at + 1) };
}
