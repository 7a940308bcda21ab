import type { Organisation, OrganisationInput, OrganisationKind } from '@liaison/core/api/index';
import type { TFunction } from 'i18next';
import { emailRule, finessError, normaliseId } from '../../../lib/validators.ts';

export interface ContactValues {
  name: string;
  email: string;
  phone: string;
}

/** Form state: every text field is a string (empty = not filled), converted to nulls on save. */
export interface ProfileValues {
  kind: OrganisationKind;
  name: string;
  groupName: string;
  finess: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  fileNumber: string;
  beds: number | string;
  adminReferent: ContactValues;
  itHead: ContactValues;
  phone: string;
  mobilePhone: string;
  alertMailbox: string;
}

/** The profile fields in display order; the server's `missing` list uses the same names. */
export const PROFILE_FIELDS = [
  'kind',
  'name',
  'groupName',
  'finess',
  'fileNumber',
  'beds',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'phone',
  'mobilePhone',
  'alertMailbox',
  'adminReferent',
  'itHead',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export function isProfileField(name: string): name is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(name);
}

const PHONE = /^\+?[0-9 .()-]{6,20}$/;
const POSTCODE = /^[0-9]{5}$/;

function contactValues(contact: Organisation['adminReferent']): ContactValues {
  return { name: contact?.name ?? '', email: contact?.email ?? '', phone: contact?.phone ?? '' };
}

export function toValues(organisation: Organisation): ProfileValues {
  return {
    kind: organisation.kind,
    name: organisation.name,
    groupName: organisation.groupName ?? '',
    finess: organisation.finess ?? '',
    addressLine1: organisation.addressLine1 ?? '',
    addressLine2: organisation.addressLine2 ?? '',
    postalCode: organisation.postalCode ?? '',
    city: organisation.city ?? '',
    fileNumber: organisation.fileNumber ?? '',
    beds: organisation.beds ?? '',
    adminReferent: contactValues(organisation.adminReferent),
    itHead: contactValues(organisation.itHead),
    phone: organisation.phone ?? '',
    mobilePhone: organisation.mobilePhone ?? '',
    alertMailbox: organisation.alertMailbox ?? '',
  };
}

function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

function contactOrNull(contact: ContactValues): OrganisationInput['adminReferent'] {
  const name = contact.name.trim();
  if (!name && !contact.email.trim() && !contact.phone.trim()) return null;
  return {
    name,
    ...(textOrNull(contact.email) ? { email: contact.email.trim() } : {}),
    ...(textOrNull(contact.phone) ? { phone: contact.phone.trim() } : {}),
  };
}

/** Sends every field, cleared ones as null: PATCH then reflects exactly what the form shows. */
export function toInput(values: ProfileValues): OrganisationInput {
  const finess = textOrNull(values.finess);
  return {
    kind: values.kind,
    name: values.name.trim(),
    groupName: textOrNull(values.groupName),
    finess: finess ? normaliseId('finess', finess) : null,
    addressLine1: textOrNull(values.addressLine1),
    addressLine2: textOrNull(values.addressLine2),
    postalCode: textOrNull(values.postalCode),
    city: textOrNull(values.city),
    fileNumber: textOrNull(values.fileNumber),
    beds: typeof values.beds === 'number' ? values.beds : null,
    adminReferent: contactOrNull(values.adminReferent),
    itHead: contactOrNull(values.itHead),
    phone: textOrNull(values.phone),
    mobilePhone: textOrNull(values.mobilePhone),
    alertMailbox: textOrNull(values.alertMailbox)?.toLowerCase() ?? null,
  };
}

export function profileValidation(t: TFunction) {
  const optionalPhone = (value: string) =>
    value.trim() && !PHONE.test(value.trim()) ? t('validation.phone') : null;
  const optionalEmail = (value: string) => (value.trim() ? emailRule(t)(value) : null);
  const contact = {
    // A contact without a name cannot be reached by anyone reading the profile.
    name: (value: string, values: ProfileValues, path: string) => {
      const which = path.startsWith('itHead') ? values.itHead : values.adminReferent;
      return !value.trim() && (which.email.trim() || which.phone.trim()) ? t('validation.required') : null;
    },
    email: optionalEmail,
    phone: optionalPhone,
  };
  return {
    name: (value: string) => (value.trim().length >= 2 ? null : t('validation.name')),
    finess: (value: string) => finessError(t, value),
    postalCode: (value: string) =>
      value.trim() && !POSTCODE.test(value.trim()) ? t('validation.postalCode') : null,
    beds: (value: number | string) =>
      value === '' || (typeof value === 'number' && Number.isInteger(value) && value >= 0)
        ? null
        : t('validation.beds'),
    phone: optionalPhone,
    mobilePhone: optionalPhone,
    alertMailbox: optionalEmail,
    adminReferent: contact,
    itHead: contact,
  };
}
