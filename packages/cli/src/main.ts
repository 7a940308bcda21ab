/**
 * The `liaison` command (run through bin/liaison.js). Each feature registers its own sub-commands;
 * console commands act on the configured database, network commands on a server.
 *
 * Only the module of the command being run is loaded: the console commands pull in the whole server
 * (over a second of start-up), which `keys`, `smime`, `mailbox` or `login` do not need. Help and
 * unknown commands load everything, so `liaison --help` lists all.
 */
import { Command } from 'commander';

type Register = (program: Command) => void;

const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.ts')).registerServeCommand,
  admin: async () => (await import('./commands/admin.ts')).registerAdminCommands,
  login: async () => (await import('./commands/login.ts')).registerLoginCommand,
  ids: async () => (await import('./commands/ids.ts')).registerIdsCommand,
  keys: async () => (await import('./commands/keys.ts')).registerKeysCommands,
  smime: async () => (await import('./commands/smime.ts')).registerSmimeCommands,
  mailbox: async () => (await import('./commands/mailbox.ts')).registerMailboxCommands,
  send: async () => (await import('./commands/send.ts')).registerSendCommand,
  fetch: async () => (await import('./commands/fetch.ts')).registerFetchCommand,
  hprim: async () => (await import('./commands/hprim.ts')).registerHprimCommands,
  directory: async () => (await import('./commands/directory.ts')).registerDirectoryCommands,
  charter: async () => (await import('./commands/charter.ts')).registerCharterCommands,
  stats: async () => (await import('./commands/stats.ts')).registerStatsCommand,
  chat: async () => (await import('./commands/chat.ts')).registerChatCommands,
  notice: async () => (await import('./commands/notice.ts')).registerNoticeCommands,
};

const program = new Command();
program
  .name('liaison')
  .description('Liaison: end-to-end encrypted messaging for health professionals')
  .version('0.1.0');
const requested = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const wanted = requested ? COMMANDS[requested] : undefined;
const loaders = wanted ? [wanted] : Object.values(COMMANDS);
for (const load of loaders) (await load())(program);
await program.parseAsync();
