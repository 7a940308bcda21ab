/**
 * `liaison send`: seal a letter on this machine (sign with the keystore's key, encrypt to every
 * recipient and to the sender's own mailbox) and submit it. See ../mail/send.ts.
 *
 * Before sealing, the server says whether a bulk-mail rule (usage charter, article 5) would hold the
 * message: each rule is printed on stderr as "Warning: this message will be held for a technician's
 * review: …", and the message is sent anyway. A held message is still a submitted one.
 *
 * Exit codes: 0 submitted (the id and each recipient's state on stdout, then a "held for a
 * technician's review" line when a rule held it; with --json the whole answer, `hold` included),
 * 1 refused (`CODE: message` on stderr: HPRIM_INVALID, RECIPIENT_UNKNOWN, CHARTER_NOT_ACCEPTED, server
 * codes…), 3 this device waits for approval.
 */
import { Option, type Command } from 'commander';
import { action } from '../failure.ts';
import { keystoreHome } from '../keystore.ts';
import { sendLetter, type SendOptions } from '../mail/send.ts';

/** What commander hands over: the send options, with the keystore home still optional. */
type SendCommandOptions = Omit<SendOptions, 'home'> & { home?: string };

export function registerSendCommand(program: Command): void {
  program
    .command('send')
    .description('send a signed, end-to-end encrypted letter (an HPRIM file or UTF-8 text, with attachments)')
    .requiredOption('--to <address...>', 'recipient mailboxes')
    .option('--cc <address...>', 'copy recipients')
    .option(
      '--hprim-file <file>',
      'an HPRIM file (UTF-8, Windows-1252 or ISO-8859-1, detected): a patient letter',
    )
    .option('--body-file <file>', 'the letter text, UTF-8 (an information message unless --category patient)')
    .option('--subject <text>', 'subject (default: "Courrier – NOM Prénom", or the first line of the text)')
    .option('--attach <file...>', 'attachments (content type from the extension)')
    .option('--from <address>', 'a mailbox you own or are a delegate of (default: your personal mailbox)')
    .addOption(
      // Notices have their own command (`liaison notice send`), which builds their structured part.
      new Option('--category <category>', 'patient (starts with an HPRIM header) or information').choices([
        'patient',
        'information',
      ]),
    )
    .option('--json', 'print the submitted message (id, recipients and their states) as JSON')
    .option('--home <dir>', 'keystore directory (default: LIAISON_HOME or ~/.liaison)')
    .action(
      action(async (opts: SendCommandOptions) => sendLetter({ ...opts, home: keystoreHome(opts.home) })),
    );
}
