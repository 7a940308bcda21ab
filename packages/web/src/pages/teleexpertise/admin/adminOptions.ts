import type { Me } from '@liaison/core/api/index';
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
 * The establishment's ORG mailboxes this admin can pick: those they belong to (the web lists no
 * other; the server checks the rest), minus those already serving a service.
 */
export function serviceMailboxOptions(
  me: Me,
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
