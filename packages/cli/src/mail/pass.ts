/**
 * One pass over a mailbox: sync from the saved cursor, oldest first, and file every inbox letter not
 * yet acknowledged. A letter that cannot be opened is reported with its id and skipped (it holds the
 * cursor, so the next pass tries it again); a failure that would fail every letter alike (server
 * unreachable, session ended, disk full) ends the pass.
 */
import { join } from 'node:path';
import type { MailItem, MailList } from '@liaison/core/api/mail';
import { isCryptoError } from '@liaison/core/crypto/index';
import { ApiError, segment } from '../api.ts';
import { CliFailure } from '../failure.ts';
import { removeLeftovers } from './atomic.ts';
import { fileLetter, type FetchTarget } from './fileLetter.ts';

/** Items per sync request (the server allows up to 500). */
const PAGE = 100;

export interface PassResult {
  written: number;
  acknowledged: number;
  failed: number;
}

export interface PassOptions {
  /** The directory as the user named it, for the lines printed on stdout. */
  outLabel: string;
  /** Checked between letters: a stop request lets the current letter finish, then ends the pass. */
  stopping?: () => boolean;
  /** Ids whose failure was already reported by an earlier pass of this process (watch mode). */
  reported?: Map<string, string>;
}

/** Errors of the letter itself; anything else (network, session, disk) would hit every letter. */
function letterProblem(err: unknown): boolean {
  if (isCryptoError(err)) return true;
  if (err instanceof ApiError)
    return err.status >= 400 && err.status < 500 && ![401, 403].includes(err.status);
  return err instanceof CliFailure && err.code === 'MESSAGE_ID_INVALID';
}

const waiting = (item: MailItem) => item.folder === 'inbox' && !item.deleted && item.filedAt === null;

export async function runPass(t: FetchTarget, options: PassOptions): Promise<PassResult> {
  const result: PassResult = { written: 0, acknowledged: 0, failed: 0 };
  for (const name of removeLeftovers(t.dir)) {
    process.stderr.write(`removed ${name}, left by an interrupted run\n`);
  }
  const box = `/api/mail/boxes/${segment(t.mailbox.address)}/messages`;
  let since = t.state.cursor;
  /** Once a letter fails, the cursor stays below it for the rest of the pass. */
  let held = false;
  for (;;) {
    const page = await t.s.remote.api.get<MailList>(`${box}?since=${since}&limit=${PAGE}`);
    if (page.seq < t.state.cursor) {
      process.stderr.write(
        `${t.mailbox.address}: the server's change numbers went back; syncing from the start\n`,
      );
      t.state.reset();
      since = 0;
      continue;
    }
    for (const item of page.items) {
      if (options.stopping?.()) return result;
      since = item.seq;
      if (!waiting(item)) {
        if (!held) t.state.advance(item.seq);
        continue;
      }
      try {
        if (!options.reported?.has(item.id)) {
          process.stderr.write(
            `letter ${item.id} from ${item.from} (${item.attachmentCount} attachment(s))…\n`,
          );
        }
        const filed = await fileLetter(t, item);
        result.acknowledged++;
        if (filed.written) result.written++;
        process.stdout.write(`${filed.id} ${filed.from} ${join(options.outLabel, filed.file)}\n`);
        if (!filed.written) process.stderr.write(`${filed.id}: already written, now acknowledged\n`);
        options.reported?.delete(filed.id);
        if (!held) t.state.advance(item.seq);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'MESSAGE_NOT_FOUND') {
          // Deleted from the mailbox meanwhile: nothing left to file.
          if (!held) t.state.advance(item.seq);
          continue;
        }
        if (!letterProblem(err)) throw err;
        result.failed++;
        held = true;
        report(item, err, options.reported);
      }
    }
    if (!page.more) return result;
  }
}

function report(item: MailItem, err: unknown, reported: Map<string, string> | undefined): void {
  const e = err as { code: string; message: string };
  // In watch mode a letter that keeps failing the same way is reported once, not on every pass.
  if (reported?.get(item.id) === e.code) return;
  reported?.set(item.id, e.code);
  process.stderr.write(`${e.code}: letter ${item.id} from ${item.from} not filed: ${e.message}\n`);
}
