import { OrganisationFields, RegistrationRequest } from '@liaison/core/api/index';
import type { Organisation } from '@liaison/core/api/index';
import { describe, expect, it } from 'vitest';
import { initialValues, toRequest } from '../src/components/registration/values.ts';
import { toInput, toValues } from '../src/pages/establishments/profile/profileValues.ts';

// What the forms send must pass the very schemas the server validates with.
describe('registration form values', () => {
  const base = {
    ...initialValues(null),
    email: ' Claire.Martin@Example.org ',
    password: 'une phrase de passe solide',
    confirmPassword: 'une phrase de passe solide',
    firstName: ' Claire ',
    lastName: 'Martin',
    nationalId: '9946 5956 029',
    profession: '10',
    specialty: 'SM54',
    charterAccepted: true,
  };

  it('builds a valid self-registration with a normalised RPPS', () => {
    const request = toRequest(base, 'self', 1);
    expect(RegistrationRequest.parse(request)).toMatchObject({
      email: 'claire.martin@example.org',
      firstName: 'Claire',
      nationalIdKind: 'rpps',
      nationalId: '99465956029',
      profession: '10',
      specialty: 'SM54',
      charterVersion: 1,
    });
  });

  it('sends no password and no identifier for a staff secretary', () => {
    const request = toRequest(
      { ...base, role: 'secretary', organisationId: '6f1c1f7e-4c1b-4a57-9f4e-2d2b8c3f0a11' },
      'staff',
      1,
    );
    expect(request.password).toBeUndefined();
    expect(request.nationalId).toBeUndefined();
    expect(RegistrationRequest.parse(request).organisationId).toBe('6f1c1f7e-4c1b-4a57-9f4e-2d2b8c3f0a11');
  });
});

describe('establishment profile values', () => {
  const organisation: Organisation = {
    id: '6f1c1f7e-4c1b-4a57-9f4e-2d2b8c3f0a11',
    kind: 'hospital',
    name: 'Centre hospitalier',
    groupName: null,
    finess: null,
    addressLine1: null,
    addressLine2: null,
    postalCode: null,
    city: 'Lyon',
    fileNumber: null,
    beds: null,
    adminReferent: null,
    itHead: { name: 'Inès Durand', email: 'dsi@example.org' },
    phone: null,
    mobilePhone: null,
    alertMailbox: null,
    missing: ['finess'],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it('round-trips a stored profile into a valid update, clearing empty fields to null', () => {
    const values = toValues(organisation);
    const input = toInput({
      ...values,
      postalCode: ' 69003 ',
      beds: 120,
      adminReferent: { name: '', email: '', phone: '' },
    });
    expect(OrganisationFields.parse(input)).toMatchObject({
      name: 'Centre hospitalier',
      postalCode: '69003',
      city: 'Lyon',
      beds: 120,
      finess: null,
      adminReferent: null,
      itHead: { name: 'Inès Durand', email: 'dsi@example.org' },
    });
  });
});
