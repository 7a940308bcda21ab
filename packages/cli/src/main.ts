/**
 * The `liaison` command (run through bin/liaison.js). Each feature registers its own sub-commands;
 * console commands act on the configured database, network commands on a server.
 */
import { Command } from 'commander';
import { registerAdminCommands } from './commands/admin.ts';
import { registerIdsCommand } from './commands/ids.ts';
import { registerLoginCommand } from './commands/login.ts';
import { registerServeCommand } from './commands/serve.ts';

const program = new Command();
program
  .name('liaison')
  .description('Liaison: end-to-end encrypted messaging for health professionals')
  .version('0.1.0');
registerServeCommand(program);
registerAdminCommands(program);
registerLoginCommand(program);
registerIdsCommand(program);
await program.parseAsync();
