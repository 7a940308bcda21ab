/**
 * `liaison admin charter publish|versions`, at the console like the other admin commands: a new
 * version of the usage charter is in force at once, and everyone is asked to accept it at their next
 * sign-in (sending waits until they do).
 */
import { readFileSync } from 'node:fs';
import { PublishCharterRequest } from '@liaison/core/api/charter';
import type { Command } from 'commander';
import { CONSOLE_ACTOR } from '@liaison/server/auth/actor';
import { reportError, withContext } from '../context.ts';
import { CliFailure } from '../failure.ts';

const run = (fn: () => Promise<void>) => async () => {
  try {
    await fn();
  } catch (err) {
    reportError(err);
  }
};

/**
 * One language of the charter from a UTF-8 file: the first non-empty line is the title, the rest the
 * numbered articles ("Article 1 — …"), one paragraph each.
 */
export function readCharterFile(path: string): { title: string; text: string } {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliFailure('FILE_UNREADABLE', `cannot read ${path}: ${(err as Error).message}`);
  }
  const lines = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) throw new CliFailure('CHARTER_INVALID', `${path} is empty`);
  return {
    title: lines[first]!.trim(),
    text: lines
      .slice(first + 1)
      .join('\n')
      .trim(),
  };
}

export function registerAdminCharterCommands(admin: Command): void {
  const charter = admin.command('charter').description('versions of the usage charter');

  charter
    .command('publish')
    .description(
      'publish a new version of the usage charter, in force at once. Each file is UTF-8: its first ' +
        'line is the title, the rest the articles, numbered "Article 1 — Heading. Text" from 1 in ' +
        'order, at least up to 7 (refusals cite articles by number), the same articles in both languages',
    )
    .requiredOption('--fr <file>', 'the French text (first line: the title)')
    .requiredOption('--en <file>', 'the English text (first line: the title)')
    .option('--json', 'print the published version as JSON')
    .action((opts: { fr: string; en: string; json?: boolean }) =>
      run(() =>
        withContext(async (ctx) => {
          const input = PublishCharterRequest.parse({
            fr: readCharterFile(opts.fr),
            en: readCharterFile(opts.en),
          });
          const published = await ctx.charter.publish(CONSOLE_ACTOR, input);
          process.stdout.write(
            opts.json
              ? JSON.stringify(published) + '\n'
              : `published version ${published.version} of the usage charter (${published.title}): ` +
                  'everyone is asked to accept it at their next sign-in\n',
          );
        }),
      )(),
    );

  charter
    .command('versions')
    .description('list the published versions, newest first, with how many accounts accepted each')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      run(() =>
        withContext(async (ctx) => {
          const versions = await ctx.charter.versions(CONSOLE_ACTOR);
          if (opts.json) {
            process.stdout.write(JSON.stringify(versions) + '\n');
            return;
          }
          for (const v of versions) {
            // Version 1 carries the epoch as its date (migration 009): it came with the software.
            const when = v.publishedAt.startsWith('1970-')
              ? 'shipped with Liaison'
              : `published ${v.publishedAt.slice(0, 10)}`;
            process.stdout.write(`version ${v.version}  ${when}  accepted by ${v.acceptances}\n`);
          }
        }),
      )(),
    );
}
