import type { Me } from '@liaison/core/api/index';

/** A signed-in hospital doctor as /api/me describes her: the compose tests write as her. */
export const hospitalDoctor: Me = {
  id: '3f1f6b8e-7c55-4a57-9a3e-2b8f8b3c0a11',
  email: 'claire.morvan@chbs.test',
  firstName: 'Claire',
  lastName: 'Morvan',
  status: 'active',
  roles: [{ role: 'professional', organisationId: null }],
  nationalIdKind: 'rpps',
  nationalId: '10101010101',
  profession: '10',
  specialty: 'SM04',
  totpEnabled: true,
  memberships: [],
  mailboxes: [],
  charterVersion: 1,
  charterAcceptedAt: null,
  charterCurrentVersion: 1,
};
