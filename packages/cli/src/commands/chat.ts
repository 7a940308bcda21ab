/**
 * `liaison chat send|list|read|reshare|group`: instant messaging from the command line (issue 8). Texts are
 * encrypted and decrypted on this machine with the keystore's keys; the server only routes envelopes.
 * See ../chat/ for each sub-command.
 *
 * Exit codes: 0 done, 1 refused (`CODE: message` on stderr: CHAT_NOT_MEMBER, CHAT_RECIPIENTS_MISMATCH,
 * CHAT_UNREADABLE, CERT_UNTRUSTED, NOT_SIGNED_IN…), 3 this device waits for approval.
 */
import type { Command } from 'commander';
import { addToGroup, createGroup, removeFromGroup, renameGroup, setRole } from '../chat/group.ts';
import { listChats } from '../chat/list.ts';
import { readChat, type ChatReadOptions } from '../chat/read.ts';
import { reshareChat, type ChatReshareOptions } from '../chat/reshare.ts';
import { sendChat, type ChatSendOptions } from '../chat/send.ts';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';

/** What commander hands over: the options, with the keystore home still optional. */
type WithHome<T> = Omit<T, 'home'> & { home?: string };

const HOME_HELP = 'keystore directory (default: LIAISON_HOME or ~/.liaison)';

export function registerChatCommands(program: Command): void {
  const chat = program.command('chat').description('end-to-end encrypted instant messages');

  chat
    .command('list')
    .description('your conversations: unread count, last message time, name or the other person')
    .option('--json', 'print the conversations as JSON')
    .action(action(listChats));

  chat
    .command('send')
    .description('encrypt a text for every member (and yourself) and send it; prints its sequence number')
    .option('--to <conversationId>', 'an existing conversation')
    .option('--with <userId>', 'start (or reuse) the direct conversation with this user')
    .option('--text <text>', 'the message')
    .option('--text-file <file>', 'the message, from a UTF-8 file')
    .option('--json', 'print the sent message (id, conversation, seq, time) as JSON')
    .option('--home <dir>', HOME_HELP)
    .action(
      action(async (opts: WithHome<ChatSendOptions>) => sendChat({ ...opts, home: keystoreHome(opts.home) })),
    );

  chat
    .command('read')
    .description('decrypt and print the messages of a conversation after a sequence number')
    .argument('<conversationId>')
    .option('--after <seq>', 'only messages after this sequence number', '0')
    .option('--json', 'one JSON object per message and line')
    .option('--mark-read', 'mark the printed messages as read')
    .option('--save-photos <dir>', 'download, decrypt and check photos, and write them to this folder')
    .option('--home <dir>', HOME_HELP)
    .action(
      action(async (id: string, opts: WithHome<ChatReadOptions>) =>
        readChat(id, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  chat
    .command('reshare')
    .description(
      'send the last messages you can read again, for members who joined since (one encrypted message)',
    )
    .argument('<conversationId>')
    .option('--last <n>', 'how many of the latest messages (1–200)', '20')
    .option('--json', 'print the sent message (id, conversation, seq, how many shared) as JSON')
    .option('--home <dir>', HOME_HELP)
    .action(
      action(async (id: string, opts: WithHome<ChatReshareOptions>) =>
        reshareChat(id, { ...opts, home: keystoreHome(opts.home) }),
      ),
    );

  const group = chat.command('group').description('care-team groups: create, members, name, admins');
  const many = (value: string, previous: string[] = []) => [...previous, value];
  group
    .command('create')
    .description('a new group with you as admin')
    .requiredOption('--name <name>', 'the group name, e.g. "Équipe soins — 3e étage"')
    .option('--member <userId>', 'a member (repeat the option)', many)
    .option('--admin <userId>', 'a member who is admin too (repeat the option)', many)
    .option('--json', 'print the conversation as JSON')
    .action(action(createGroup));
  group
    .command('add')
    .description('add members (admins)')
    .argument('<conversationId>')
    .requiredOption('--member <userId>', 'a member to add (repeat the option)', many)
    .option('--json', 'print the conversation as JSON')
    .action(action(addToGroup));
  group
    .command('remove')
    .description('remove members (admins), or leave with your own user id')
    .argument('<conversationId>')
    .requiredOption('--member <userId>', 'a member to remove (repeat the option)', many)
    .option('--json', 'print the conversation as JSON')
    .action(action(removeFromGroup));
  group
    .command('rename')
    .description('rename the group (admins)')
    .argument('<conversationId>')
    .argument('<name>')
    .option('--json', 'print the conversation as JSON')
    .action(action(renameGroup));
  group
    .command('role')
    .description('make a member admin, or an admin a member again (admins)')
    .argument('<conversationId>')
    .argument('<userId>')
    .argument('<role>', 'admin or member')
    .option('--json', 'print the conversation as JSON')
    .action(action(setRole));
}
