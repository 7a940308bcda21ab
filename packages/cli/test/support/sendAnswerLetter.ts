/**
 * The expert's device sending a tele-expertise answer letter, run as a child process with the expert's
 * machine environment (saved session, keystore), as the web app or a connector would do it: core's
 * buildAnswerLetter, then the CLI's own sealing path (`sealingCertificates` and `sealAndSubmit`, the
 * ones `liaison send` and `liaison notice send` use), From the service mailbox To the requester.
 *
 * Input on stdin (JSON): { home, from, to, messageId, date, input: AnswerLetterInput }. Prints the
 * SubmittedMessage as JSON on stdout; a failure goes to stderr with exit status 1.
 */
import type { AnswerLetterInput } from '@liaison/core/teleexpertise/answerLetter';
import { buildAnswerLetter } from '@liaison/core/teleexpertise/answerLetter';
import { sealingCertificates } from '../../src/mail/certificates.ts';
import { sealAndSubmit } from '../../src/mail/send.ts';
import { callerMailbox, normaliseAddress, openMailSession } from '../../src/mail/session.ts';

export interface SendAnswerLetterArgs {
  home: string;
  from: string;
  to: string;
  messageId: string;
  date: string;
  input: AnswerLetterInput;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const args = JSON.parse(await readStdin()) as SendAnswerLetterArgs;
  const s = await openMailSession(args.home, 'teleexpertise answer');
  // Only a mailbox the expert is a member of may be the sender (the server checks it too).
  const from = callerMailbox(s.me, args.from).address;
  const to = normaliseAddress(args.to);
  const certificates = await sealingCertificates(s, from, [to]);
  const built = buildAnswerLetter(args.input, {
    messageId: args.messageId,
    from,
    to,
    date: new Date(args.date),
  });
  await sealAndSubmit(s, {
    letter: built.letter,
    category: built.category,
    patient: built.patient,
    patients: built.patients,
    certificates,
    json: true,
    what: 'tele-expertise answer',
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
