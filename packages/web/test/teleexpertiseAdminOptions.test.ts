import type { Mailbox, OrganisationMailbox } from '@liaison/core/api/index';
import type { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { describe, expect, it } from 'vitest';
import {
  memberMailboxOptions,
  serviceMailboxOptions,
} from '../src/pages/teleexpertise/admin/adminOptions.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';

function mailbox(
  id: string,
  address: string,
  overrides: Partial<OrganisationMailbox> = {},
): OrganisationMailbox {
  return { id, address, kind: 'ORG', acceptsAttachments: true, members: 1, hasKey: true, ...overrides };
}

/** Only the field the options read matters here. */
const serviceOn = (mailboxId: string) => ({ mailboxId }) as TeleexpertiseService;

describe('service mailbox options', () => {
  const list = [
    mailbox('m-derm', 'dermatologie@chu.fr'),
    mailbox('m-card', 'cardiologie@chu.fr', { hasKey: false, members: 0 }),
    mailbox('m-robot', 'automate@chu.fr', { kind: 'APP' }),
    mailbox('m-used', 'neurologie@chu.fr'),
  ];

  it("offers the establishment's free ORG mailboxes, sorted, even those the admin is not in", () => {
    expect(serviceMailboxOptions(list, [serviceOn('m-used')], 'sans clé')).toEqual([
      { value: 'm-card', label: 'cardiologie@chu.fr (sans clé)' },
      { value: 'm-derm', label: 'dermatologie@chu.fr' },
    ]);
  });

  it('says "no key yet" in the given language and offers nothing when all are taken', () => {
    expect(serviceMailboxOptions(list, [], 'no key yet').map((o) => o.label)).toContain(
      'cardiologie@chu.fr (no key yet)',
    );
    const allTaken = ['m-derm', 'm-card', 'm-used'].map(serviceOn);
    expect(serviceMailboxOptions(list, allTaken, 'sans clé')).toEqual([]);
  });

  it("falls back to the admin's own ORG mailboxes of that establishment", () => {
    const own = (id: string, address: string, organisationId: string, kind: Mailbox['kind'] = 'ORG') =>
      ({ id, address, kind, organisationId, acceptsAttachments: true }) satisfies Mailbox;
    const me = {
      mailboxes: [
        own('m-derm', 'dermatologie@chu.fr', ORG),
        own('m-perso', 'camille@chu.fr', ORG, 'PER'),
        own('m-elsewhere', 'dermatologie@ch-douai.fr', OTHER_ORG),
        own('m-used', 'neurologie@chu.fr', ORG),
      ],
    };
    expect(memberMailboxOptions(me, ORG, [serviceOn('m-used')])).toEqual([
      { value: 'm-derm', label: 'dermatologie@chu.fr' },
    ]);
    expect(memberMailboxOptions(me, null, [])).toEqual([]);
  });
});
