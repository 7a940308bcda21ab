/** `liaison mailbox add-member | remove-member | members`: who holds the shared mailbox's key. */
import { segment } from '../api.ts';
import { CliFailure } from '../failure.ts';
import {
  findMailbox,
  httpDelete,
  instanceChain,
  mailboxPath,
  memberCertificate,
  newVersion,
  open,
  requireOwner,
  step,
  unwrap,
  wrapFor,
  type MailboxKeyView,
  type MailboxOptions,
  type MembersView,
} from './shared.ts';

export async function mailboxAddMember(
  address: string,
  options: MailboxOptions & { user: string; owner?: boolean },
): Promise<void> {
  const s = await open(options, `liaison mailbox add-member ${address} --user ${options.user}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    const chain = await instanceChain(s);
    // Their certificate first: without one, nothing could be wrapped for them.
    const certificatePem = await memberCertificate(s, options.user, chain);
    const before = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    if (before.members.some((m) => m.userId === options.user)) {
      process.stdout.write(`${options.user} is already a member: wrapping the versions they lack\n`);
    } else {
      await s.remote.api.post(mailboxPath(mailbox.id, '/members'), {
        userId: options.user,
        access: options.owner ? 'owner' : 'delegate',
      });
      process.stdout.write(
        `${options.user} added to ${mailbox.address} as ${options.owner ? 'owner' : 'delegate'}\n`,
      );
    }
    const after = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    const missing = new Set(after.members.find((m) => m.userId === options.user)?.missingWraps ?? []);
    const mine = await s.remote.api.get<MailboxKeyView[]>(mailboxPath(mailbox.id, '/keys'));
    const wrapped: number[] = [];
    for (const key of mine.filter((k) => missing.has(k.version))) {
      const pkcs8 = await unwrap(s.store, key);
      await s.remote.api.post(mailboxPath(mailbox.id, `/keys/${segment(key.keyId)}/wraps`), {
        wraps: [await wrapFor(pkcs8, options.user, certificatePem)],
      });
      wrapped.push(key.version);
      missing.delete(key.version);
    }
    process.stdout.write(
      wrapped.length > 0
        ? `key version(s) ${wrapped.join(', ')} wrapped for ${options.user}\n`
        : `no key version to wrap for ${options.user}\n`,
    );
    if (missing.size > 0) {
      throw new CliFailure(
        'MAILBOX_KEY_UNAVAILABLE',
        `you cannot open key version(s) ${[...missing].join(', ')}, so they were not wrapped for ${options.user}`,
        1,
        `An owner who holds them can run \`liaison mailbox add-member ${mailbox.address} --user ${options.user}\`.`,
      );
    }
  });
}

export async function mailboxRemoveMember(
  address: string,
  options: MailboxOptions & { user: string; rotate?: boolean },
): Promise<void> {
  const s = await open(options, `liaison mailbox remove-member ${address} --user ${options.user}`);
  await step(s, async () => {
    const mailbox = await findMailbox(s, address);
    requireOwner(mailbox);
    await httpDelete(s.remote, mailboxPath(mailbox.id, `/members/${segment(options.user)}`));
    process.stdout.write(
      `${options.user} removed from ${mailbox.address}; their key envelopes are deleted\n`,
    );
    const { rotationRequired } = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
    if (!rotationRequired) return;
    if (!options.rotate) {
      process.stdout.write(
        `Key rotation required: run \`liaison mailbox rotate ${mailbox.address}\` so that mail from now on is out of their reach.\n`,
      );
      return;
    }
    await newVersion(s, mailbox);
  });
}

export async function mailboxMembers(address: string, options: MailboxOptions): Promise<void> {
  const s = await open(options, `liaison mailbox members ${address}`, false);
  const mailbox = await findMailbox(s, address);
  const view = await s.remote.api.get<MembersView>(mailboxPath(mailbox.id, '/members'));
  if (options.json) {
    process.stdout.write(JSON.stringify(view, null, 2) + '\n');
    return;
  }
  for (const m of view.members) {
    const missing = m.missingWraps.length > 0 ? `  lacks version(s) ${m.missingWraps.join(', ')}` : '';
    process.stdout.write(`${m.userId}  ${m.access.padEnd(8)}  ${m.firstName} ${m.lastName}${missing}\n`);
  }
  if (view.rotationRequired) {
    process.stdout.write(`Key rotation required: liaison mailbox rotate ${mailbox.address}\n`);
  }
}
