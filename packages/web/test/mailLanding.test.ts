import type { Me } from '@liaison/core/api/index';
import { describe, expect, it } from 'vitest';
import { landingPath } from '../src/pages/home/HomeRedirect.tsx';
import { pickMailbox } from '../src/pages/mail/mailboxes.ts';

function person(role: Me['roles'][number]['role'], mailboxes: Me['mailboxes']): Me {
  return {
    id: '3f1f6b8e-7c55-4a57-9a3e-2b8f8b3c0a11',
    email: 'x@liaison.test',
    firstName: 'Claire',
    lastName: 'Morvan',
    status: 'active',
    roles: [{ role, organisationId: null }],
    nationalIdKind: null,
    nationalId: null,
    profession: null,
    specialty: null,
    totpEnabled: true,
    memberships: [],
    mailboxes,
    charterVersion: 1,
    charterAcceptedAt: null,
    charterCurrentVersion: 1,
  };
}

const own = {
  id: '0b7e1c52-3e0c-4b9b-9d43-7a3a0c8f2e10',
  address: 'claire.morvan@liaison.test',
  kind: 'PER' as const,
  organisationId: null,
  acceptsAttachments: true,
};
const service = {
  ...own,
  id: '5d1c0a3e-8f2b-4c6d-9e7a-1b2c3d4e5f60',
  address: 'cardiologie@chbs.test',
  kind: 'ORG' as const,
};

describe('landing after sign-in', () => {
  it('sends professionals with a mailbox to their mail, staff to their account', () => {
    expect(landingPath(null)).toBe('/login');
    expect(landingPath(person('professional', [own]))).toBe('/mail');
    expect(landingPath(person('secretary', [service]))).toBe('/mail');
    expect(landingPath(person('professional', []))).toBe('/account');
    expect(landingPath(person('technician', []))).toBe('/account');
  });

  it('opens the personal mailbox unless another one of the person is asked for', () => {
    const me = person('professional', [service, own]);
    expect(pickMailbox(me, null)?.address).toBe(own.address);
    expect(pickMailbox(me, 'CARDIOLOGIE@chbs.test')?.address).toBe(service.address);
    expect(pickMailbox(me, 'someone.else@liaison.test')?.address).toBe(own.address);
    expect(pickMailbox(person('technician', []), null)).toBeNull();
  });
});
