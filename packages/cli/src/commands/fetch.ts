/**
 * `liaison fetch`: the practice-software connector. Writes each inbox letter not yet acknowledged
 * into --out DIR (decrypted and verified), then acknowledges it so the sender sees "filed". See
 * ../mail/fetch.ts and packages/cli/README.md for the files and the crash-safety guarantees.
 *
 * Exit codes: 0 every letter filed (or none waiting; with --watch: stopped by SIGINT/SIGTERM), 1 some
 * letter could not be opened (each reported as `CODE: letter ID …`, left unacknowledged) or a
 * refusal, 3 this device waits for approval.
 */
import { Option, type Command } from 'commander';
import { HPRIM_ENCODINGS, type HprimEncoding } from '@liaison/core/hprim/index';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';
import { fetchMail } from '../mail/fetch.ts';
import type { FetchFormat } from '../mail/sidecar.ts';

interface FetchCommandOptions {
  out: string;
  mailbox?: string;
  watch?: boolean;
  encoding: HprimEncoding;
  format: FetchFormat;
  home?: string;
}

export function registerFetchCommand(program: Command): void {
  program
    .command('fetch')
    .description('write new letters into a directory for practice software, then acknowledge them')
    .requiredOption('--out <dir>', 'output directory (created with mode 0700 when missing)')
    .option('--mailbox <address>', 'a mailbox you own or are a delegate of (default: your personal mailbox)')
    .option('--watch', 'keep running and file letters as they arrive (stop with Ctrl-C or SIGTERM)')
    .addOption(
      new Option(
        '--encoding <encoding>',
        'encoding of the letter text files (windows-1252 for software that cannot read UTF-8)',
      )
        .choices(HPRIM_ENCODINGS)
        .default('utf-8'),
    )
    .addOption(
      new Option('--format <format>', 'hprim: decrypted files; eml: the S/MIME entity as received')
        .choices(['hprim', 'eml'])
        .default('hprim'),
    )
    .option('--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)')
    .action(
      action(async (opts: FetchCommandOptions) => fetchMail({ ...opts, home: keystoreHome(opts.home) })),
    );
}
