/**
 * `liaison mailbox …`: the encryption key of shared mailboxes (ORG, APP, CAB) for their owners and
 * delegates (see ../mailbox/shared.ts and members.ts). Every sub-command takes --home DIR (default $LIAISON_HOME, else
 * ~/.liaison): the keystore whose encryption keys open the mailbox key envelopes. Exit codes: 0 done,
 * 1 refused (CODE: message on stderr), 3 this device waits for approval.
 */
import type { Command } from 'commander';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';
import { mailboxAddMember, mailboxMembers, mailboxRemoveMember } from '../mailbox/members.ts';
import { mailboxKeyInit, mailboxKeys, mailboxList, mailboxRotate } from '../mailbox/shared.ts';

const HOME = ['--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)'] as const;

interface HomeOption {
  home?: string;
  json?: boolean;
}

export function registerMailboxCommands(program: Command): void {
  const mailbox = program
    .command('mailbox')
    .description('shared mailboxes (ORG, APP, CAB): members and the mailbox encryption key');

  mailbox
    .command('list')
    .description('your mailboxes: address, kind, your access, id')
    .option('--json', 'print as JSON')
    .option(...HOME)
    .action(action(async (opts: HomeOption) => mailboxList({ ...opts, home: keystoreHome(opts.home) })));

  mailbox
    .command('members')
    .description('the members of a shared mailbox and the key versions each one lacks')
    .argument('<address>', 'the shared mailbox')
    .option('--json', 'print as JSON')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption) =>
        mailboxMembers(address, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  mailbox
    .command('key-init')
    .description('owner: make the mailbox key pair here, certify it and wrap it for every member (version 1)')
    .argument('<address>', 'the shared mailbox')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption) =>
        mailboxKeyInit(address, { home: keystoreHome(opts.home) }),
      ),
    );

  mailbox
    .command('rotate')
    .description('owner: make the next key version the same way (after a member left)')
    .argument('<address>', 'the shared mailbox')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption) =>
        mailboxRotate(address, { home: keystoreHome(opts.home) }),
      ),
    );

  mailbox
    .command('add-member')
    .description('owner: add a member, then wrap every key version you hold for them')
    .argument('<address>', 'the shared mailbox')
    .requiredOption('--user <userId>', 'the account id of the new member')
    .option('--owner', 'as a co-owner (default: delegate)')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption & { user: string; owner?: boolean }) =>
        mailboxAddMember(address, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  mailbox
    .command('remove-member')
    .description('owner: remove a member (their envelopes are deleted); a key rotation is then required')
    .argument('<address>', 'the shared mailbox')
    .requiredOption('--user <userId>', 'the account id of the member')
    .option('--rotate', 'make the next key version at once')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption & { user: string; rotate?: boolean }) =>
        mailboxRemoveMember(address, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  mailbox
    .command('keys')
    .description('the key versions you can open, each checked against its certificate')
    .argument('<address>', 'the shared mailbox')
    .option('--json', 'print as JSON')
    .option(...HOME)
    .action(
      action(async (address: string, opts: HomeOption) =>
        mailboxKeys(address, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );
}
