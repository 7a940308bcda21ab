import type { RegistrationRequest } from '@liaison/core/api/index';
import type { TFunction } from 'i18next';
import {
  emailRule,
  MIN_PASSWORD_LENGTH,
  nationalIdError,
  normaliseId,
  requiredText,
} from '../../lib/validators.ts';

export type RegistrationMode = 'self' | 'staff';
export type RegistrationRole = NonNullable<RegistrationRequest['role']>;

export interface RegistrationValues {
  email: string;
  password: string;
  confirmPassword: string;
  firstName: string;
  lastName: string;
  role: RegistrationRole;
  nationalIdKind: 'rpps' | 'adeli';
  nationalId: string;
  profession: string | null;
  specialty: string | null;
  organisationId: string | null;
  charterAccepted: boolean;
}

export const SELF_ROLES: RegistrationRole[] = ['professional', 'secretary'];
export const STAFF_ROLES: RegistrationRole[] = [
  'professional',
  'secretary',
  'application',
  'establishment_admin',
];

export function initialValues(organisationId: string | null): RegistrationValues {
  return {
    email: '',
    password: '',
    confirmPassword: '',
    firstName: '',
    lastName: '',
    role: 'professional',
    nationalIdKind: 'rpps',
    nationalId: '',
    profession: null,
    specialty: null,
    organisationId,
    charterAccepted: false,
  };
}

/** Only health professionals carry a national identifier and a profession; staff roles do not. */
export function needsProfessionalFields(role: RegistrationRole): boolean {
  return role === 'professional';
}

export function validation(t: TFunction, mode: RegistrationMode) {
  const required = requiredText(t);
  return {
    email: emailRule(t),
    password: (value: string) =>
      mode === 'self' && value.length < MIN_PASSWORD_LENGTH ? t('validation.passwordTooShort') : null,
    confirmPassword: (value: string, values: RegistrationValues) =>
      mode === 'self' && value !== values.password ? t('validation.passwordsDiffer') : null,
    firstName: required,
    lastName: required,
    nationalId: (value: string, values: RegistrationValues) =>
      needsProfessionalFields(values.role) ? nationalIdError(t, values.nationalIdKind, value) : null,
    profession: (value: string | null, values: RegistrationValues) =>
      needsProfessionalFields(values.role) && !value ? t('validation.required') : null,
    charterAccepted: (value: boolean) => (value ? null : t('validation.charter')),
  };
}

export function toRequest(
  values: RegistrationValues,
  mode: RegistrationMode,
  charterVersion: number,
): RegistrationRequest {
  const professional = needsProfessionalFields(values.role);
  return {
    email: values.email.trim(),
    // Staff choose their own password later from the activation link; the admin never knows it.
    ...(mode === 'self' ? { password: values.password } : {}),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    role: values.role,
    ...(professional
      ? {
          nationalIdKind: values.nationalIdKind,
          nationalId: normaliseId(values.nationalIdKind, values.nationalId),
          ...(values.profession ? { profession: values.profession } : {}),
          ...(values.specialty ? { specialty: values.specialty } : {}),
        }
      : {}),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    charterVersion,
  };
}
