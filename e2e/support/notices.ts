/**
 * The hospital side of a patient movement notice (docs/notices.md), set up against an e2e stack the way
 * packages/cli/test/notice.test.ts does it: an organisation of kind hospital, an establishment admin who
 * creates the APP mailbox of the hospital's patient-record system and hands it to the account the system
 * runs as (keys made by `liaison keys init`, the mailbox's by `liaison mailbox key-init`), then `liaison
 * notice send` from that account's machine. The CLI test helpers are reused as they are: they only need
 * the server's URL, its environment and a scratch directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubmittedMessage } from '@liaison/core/api/mail';
import type { NoticeKind } from '@liaison/core/notice/index';
import {
  establishmentAdmin,
  liaison,
  machine,
  professional,
  secretFile,
  signIn,
  type Machine,
} from '../../packages/cli/test/support/liaison.ts';
import { asTestServer, call, idOf } from './cliServer.ts';
import type { Stack } from './stack.ts';

/** The hospital's system: its APP mailbox and the machine (keystore, saved session) it sends from. */
export interface HospitalSystem {
  organisationId: string;
  address: string;
  machine: Machine;
  /** Removes the system's machine (outside the server's data directory, so it never blurs that check). */
  cleanup: () => Promise<void>;
}

export interface NoticeOptions {
  kind: NoticeKind;
  lastName: string;
  firstName: string;
  birthDate: string;
  sex?: 'F' | 'M' | 'U';
  ipp?: string;
  at: string;
  service: string;
  note?: string;
}

/**
 * A hospital named `name` with its patient-record system's APP mailbox `address` (in the stack's mail
 * domain), owned by a verified professional whose keys live on a CLI machine, and keyed by that
 * owner's `liaison mailbox key-init`.
 */
export async function hospitalSystem(stack: Stack, name: string, address: string): Promise<HospitalSystem> {
  const scratch = await mkdtemp(join(tmpdir(), 'liaison-e2e-notices-'));
  try {
    const server = asTestServer(stack, scratch);
    const organisationId = await stack.createOrganisation(name);
    // One console process at a time: each writes to the server's SQLite file.
    const admin = await establishmentAdmin(server, organisationId, 'dsi@hopital-cornouaille.test');
    const owner = await professional(server, 'Gwenaël', 'Le Bihan');
    const m = machine(server, 'dpi');
    const login = await signIn(server, m, owner);
    if (login.status !== 0) throw new Error(`liaison login: ${login.stderr}`);
    const passphrase = secretFile(server, 'dpi-passphrase', 'goemon maree haute phare');
    const init = await m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    if (init.status !== 0) throw new Error(`liaison keys init: ${init.stderr}`);

    const box = idOf(
      await call(stack, admin.token, 'POST', '/api/mailboxes', { address, kind: 'APP', organisationId }),
      'APP mailbox',
    );
    await call(stack, admin.token, 'POST', `/api/mailboxes/${box}/members`, {
      userId: owner.userId,
      access: 'owner',
    });
    // The admin (a member as creator, without keys) steps out, so the key is wrapped for the owner alone.
    await call(stack, admin.token, 'DELETE', `/api/mailboxes/${box}/members/${admin.id}`);
    const keyInit = await m.run(`mailbox key-init ${address} --home {home}`);
    if (keyInit.status !== 0) throw new Error(`liaison mailbox key-init: ${keyInit.stderr}`);
    return {
      organisationId,
      address,
      machine: m,
      cleanup: () => rm(scratch, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** `liaison notice send --from <the system's APP mailbox> --to <to>`; returns the submitted letter's id. */
export async function sendNotice(system: HospitalSystem, to: string, notice: NoticeOptions): Promise<string> {
  const args = [
    'notice',
    'send',
    '--home',
    system.machine.home,
    '--from',
    system.address,
    '--to',
    to,
    '--kind',
    notice.kind,
    '--last-name',
    notice.lastName,
    '--first-name',
    notice.firstName,
    '--birth-date',
    notice.birthDate,
    '--at',
    notice.at,
    '--service',
    notice.service,
    ...(notice.sex !== undefined ? ['--sex', notice.sex] : []),
    ...(notice.ipp !== undefined ? ['--ipp', notice.ipp] : []),
    ...(notice.note !== undefined ? ['--note', notice.note] : []),
    '--json',
  ];
  const sent = await liaison(system.machine.env, args);
  if (sent.status !== 0) throw new Error(`liaison notice send (${sent.status}): ${sent.stderr}`);
  return SubmittedMessage.parse(JSON.parse(sent.stdout)).id;
}
