import type { Command } from 'commander';
import { startServer } from '@liaison/server/main';
import { reportError } from '../context.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the Liaison server (HTTP, web app, jobs) with the LIAISON_* settings')
    .action(async () => {
      try {
        const server = await startServer();
        const stop = () => {
          void server.stop().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        reportError(err);
        process.exit(process.exitCode ?? 1);
      }
    });
}
