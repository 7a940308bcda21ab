/**
 * `liaison notice send`: a patient movement notice (admission, discharge, transfer, death) from an
 * establishment's service or application mailbox to a GP's personal mailbox. See ../notice/send.ts
 * and docs/notices.md.
 *
 * Exit codes: 0 submitted (the id and the recipient's state on stdout; --json: the whole answer),
 * 1 refused (`CODE: message` on stderr: VALIDATION_FAILED, NOTICE_SENDER_NOT_ALLOWED,
 * NOTICE_RECIPIENT_REFUSED, RECIPIENT_UNKNOWN…), 3 this device waits for approval.
 */
import { Option, type Command } from 'commander';
import { NOTICE_KINDS, NOTICE_SEXES } from '@liaison/core/notice/index';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';
import { sendNotice, type SendNoticeOptions } from '../notice/send.ts';

type NoticeCommandOptions = Omit<SendNoticeOptions, 'home'> & { home?: string };

export function registerNoticeCommands(program: Command): void {
  const notice = program.command('notice').description('patient movement notices (establishments to GPs)');
  notice
    .command('send')
    .description('send a GP a signed, end-to-end encrypted admission, discharge, transfer or death notice')
    .requiredOption('--from <address>', "the establishment's service or application mailbox")
    .requiredOption('--to <address>', "the GP's personal mailbox")
    .addOption(new Option('--kind <kind>', 'what happened').choices(NOTICE_KINDS).makeOptionMandatory())
    .requiredOption('--last-name <name>', "the patient's last name")
    .requiredOption('--first-name <name>', "the patient's first name")
    .requiredOption('--birth-date <date>', 'YYYY-MM-DD')
    .addOption(new Option('--sex <sex>', 'F, M or U (unknown)').choices(NOTICE_SEXES))
    .option('--ipp <id>', "the establishment's patient id (never the NIR)")
    .requiredOption('--at <date-time>', 'when, ISO 8601 (without offset: this machine’s local time)')
    .requiredOption('--service <name>', 'the service, e.g. Cardiologie')
    .option('--destination <place>', 'where the patient went (transfers only)')
    .option('--note <text>', 'a short note (600 characters at most)')
    .option('--json', 'print the submitted message (id, recipient and state) as JSON')
    .option('--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)')
    .action(
      action(async (opts: NoticeCommandOptions) => sendNotice({ ...opts, home: keystoreHome(opts.home) })),
    );
}
