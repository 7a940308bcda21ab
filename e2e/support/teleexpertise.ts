/**
 * A hospital's dermatology tele-expertise service for the journey (docs/teleexpertise.md): a hospital,
 * its establishment admin, the ORG mailbox that is the service's address, owned by the head of
 * department (keys on a CLI machine, who makes the mailbox key with `liaison mailbox key-init`) with the
 * expert on duty as a delegate, so the key is wrapped to the expert's browser-made certificate too.
 * The expert must therefore have made their keys before this runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TeleexpertiseService } from '@liaison/core/api/teleexpertise';
import { DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/dermatology';
import {
  establishmentAdmin,
  machine,
  professional,
  secretFile,
  signIn,
} from '../../packages/cli/test/support/liaison.ts';
import { asTestServer, call, idOf } from './cliServer.ts';
import type { Stack } from './stack.ts';

export interface ServiceSetUp {
  service: TeleexpertiseService;
  cleanup: () => Promise<void>;
}

export async function dermatologyService(
  stack: Stack,
  options: { hospital: string; address: string; expertUserId: string },
): Promise<ServiceSetUp> {
  const scratch = await mkdtemp(join(tmpdir(), 'liaison-e2e-teleexpertise-'));
  try {
    const server = asTestServer(stack, scratch);
    const organisationId = await stack.createOrganisation(options.hospital);
    const admin = await establishmentAdmin(server, organisationId, 'dsi@chu-iroise.test');
    const head = await professional(server, 'Maëlle', 'Kerhervé');
    const m = machine(server, 'chef-de-service');
    const login = await signIn(server, m, head);
    if (login.status !== 0) throw new Error(`liaison login: ${login.stderr}`);
    const passphrase = secretFile(server, 'chef-passphrase', 'goemon ile de sein phare');
    const init = await m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    if (init.status !== 0) throw new Error(`liaison keys init: ${init.stderr}`);

    const box = idOf(
      await call(stack, admin.token, 'POST', '/api/mailboxes', {
        address: options.address,
        kind: 'ORG',
        organisationId,
      }),
      'ORG mailbox',
    );
    await call(stack, admin.token, 'POST', `/api/mailboxes/${box}/members`, {
      userId: head.userId,
      access: 'owner',
    });
    await call(stack, admin.token, 'POST', `/api/mailboxes/${box}/members`, {
      userId: options.expertUserId,
      access: 'delegate',
    });
    // The admin (a member as creator, without keys) steps out: the key is wrapped for the doctors only.
    await call(stack, admin.token, 'DELETE', `/api/mailboxes/${box}/members/${admin.id}`);
    const keyInit = await m.run(`mailbox key-init ${options.address} --home {home}`);
    if (keyInit.status !== 0) throw new Error(`liaison mailbox key-init: ${keyInit.stderr}`);

    const created = TeleexpertiseService.parse(
      await call(stack, admin.token, 'POST', '/api/teleexpertise/services', {
        organisationId,
        mailboxId: box,
        name: 'Dermatologie',
        specialty: 'SM15',
        slaHours: 48,
        acceptTimeoutHours: 4,
        forms: [{ url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version }],
      }),
    );
    await call(stack, admin.token, 'POST', `/api/teleexpertise/services/${created.id}/experts`, {
      userId: options.expertUserId,
    });
    return { service: created, cleanup: () => rm(scratch, { recursive: true, force: true }) };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
