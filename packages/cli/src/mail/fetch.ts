/**
 * `liaison fetch`: the practice-software connector. Files every inbox letter not yet acknowledged
 * into a directory (see fileLetter.ts for the files, atomic.ts for crash safety, state.ts for the
 * cursor), once or, with --watch, as letters arrive.
 */
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HprimEncoding } from '@liaison/core/hprim/index';
import { CliFailure } from '../failure.ts';
import { asPending } from '../remote.ts';
import type { FetchTarget } from './fileLetter.ts';
import { decryptionKeys } from './keys.ts';
import { runPass, type PassResult } from './pass.ts';
import { callerMailbox, openMailSession, type MailSession, type MailboxRef } from './session.ts';
import type { FetchFormat } from './sidecar.ts';
import { FetchState } from './state.ts';
import { watchMailbox } from './watch.ts';

export interface FetchOptions {
  home: string;
  out: string;
  mailbox?: string;
  watch?: boolean;
  encoding: HprimEncoding;
  format: FetchFormat;
}

function outputDirectory(out: string): string {
  const dir = resolve(out);
  try {
    // Made private when missing: what lands there is patient data.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (statSync(dir).isDirectory()) return dir;
  } catch (err) {
    throw new CliFailure('OUT_DIR_UNUSABLE', `cannot use ${out}: ${(err as Error).message}`);
  }
  throw new CliFailure('OUT_DIR_UNUSABLE', `${out} is not a directory`);
}

function summary(mailbox: MailboxRef, r: PassResult): string {
  return `${mailbox.address}: ${r.written} letter(s) written, ${r.acknowledged} acknowledged, ${r.failed} not filed\n`;
}

async function target(
  s: MailSession,
  mailbox: MailboxRef,
  dir: string,
  state: FetchState,
  o: FetchOptions,
): Promise<FetchTarget> {
  // Read again for every pass: a key restored or a shared-mailbox key rotated meanwhile is used.
  const keys = await decryptionKeys(s, mailbox);
  return { s, mailbox, dir, format: o.format, encoding: o.encoding, keys, state };
}

export async function fetchMail(o: FetchOptions): Promise<void> {
  const dir = outputDirectory(o.out);
  const s = await openMailSession(o.home, `liaison fetch --out ${o.out}`);
  try {
    const mailbox = callerMailbox(s.me, o.mailbox);
    const state = FetchState.load(s.store.home, s.remote.session.server, mailbox.address);
    if (!o.watch) {
      const result = await runPass(await target(s, mailbox, dir, state, o), { outLabel: o.out });
      process.stderr.write(summary(mailbox, result));
      if (result.failed > 0) {
        throw new CliFailure(
          'LETTERS_NOT_FILED',
          `${result.failed} letter(s) could not be opened and were left unacknowledged (reported above)`,
        );
      }
      return;
    }
    const reported = new Map<string, string>();
    let announced = false;
    await watchMailbox({
      server: s.remote.session.server,
      token: s.remote.session.token,
      mailbox: mailbox.address,
      cursor: () => state.cursor,
      pass: async (stopping) => {
        const result = await runPass(await target(s, mailbox, dir, state, o), {
          outLabel: o.out,
          stopping,
          reported,
        });
        if (result.acknowledged + result.failed > 0) process.stderr.write(summary(mailbox, result));
      },
      onListening: () => {
        if (announced) return;
        announced = true;
        process.stderr.write(`watching ${mailbox.address} for new letters (Ctrl-C to stop)\n`);
      },
    });
    process.stderr.write('stopped\n');
  } catch (err) {
    throw asPending(err, s.store, s.next);
  }
}
