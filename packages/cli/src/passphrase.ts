/**
 * Passphrases for the key backup and for exported keys: from `--passphrase-file FILE` (scripts; one
 * surrounding whitespace ignored, as when typed) or typed on standard input (asked twice when setting one). At least 12
 * characters: the backup sits on the server, where a stolen copy can be attacked offline.
 */
import { readFileSync } from 'node:fs';
import { CliFailure } from './failure.ts';
import { Prompter } from './prompt.ts';

export const MIN_PASSPHRASE_CHARS = 12;

export interface PassphraseOptions {
  passphraseFile?: string;
}

/** Opens standard input only when a question is actually asked (a passphrase file needs none). */
export class LazyPrompter {
  private prompter: Prompter | null = null;

  ask(question: string, secret = false): Promise<string> {
    this.prompter ??= new Prompter();
    return this.prompter.ask(question, secret);
  }

  close(): void {
    this.prompter?.close();
  }
}

function fromFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliFailure('PASSPHRASE_FILE_UNREADABLE', `cannot read ${path}: ${(err as Error).message}`);
  }
  return text.trim();
}

function checkStrength(passphrase: string): string {
  const normalised = passphrase.normalize('NFC');
  if ([...normalised].length < MIN_PASSPHRASE_CHARS) {
    throw new CliFailure(
      'PASSPHRASE_TOO_SHORT',
      `the passphrase must have at least ${MIN_PASSPHRASE_CHARS} characters`,
    );
  }
  return passphrase;
}

/** A passphrase being set (backup, export): checked for length, typed twice when asked. */
export async function newPassphrase(
  options: PassphraseOptions,
  prompt: LazyPrompter,
  what: string,
): Promise<string> {
  if (options.passphraseFile) return checkStrength(fromFile(options.passphraseFile));
  const first = checkStrength(
    await prompt.ask(`New ${what} passphrase (${MIN_PASSPHRASE_CHARS}+ characters): `, true),
  );
  const second = await prompt.ask(`Repeat the ${what} passphrase: `, true);
  if (first !== second) throw new CliFailure('PASSPHRASE_MISMATCH', 'the two passphrases differ');
  return first;
}

/** The passphrase of an existing backup. */
export async function existingPassphrase(
  options: PassphraseOptions,
  prompt: LazyPrompter,
  what: string,
): Promise<string> {
  if (options.passphraseFile) return fromFile(options.passphraseFile);
  const answer = await prompt.ask(`${what} passphrase: `, true);
  if (answer.length === 0) throw new CliFailure('PASSPHRASE_EMPTY', 'no passphrase given');
  return answer;
}
