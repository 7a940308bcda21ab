/**
 * Where `liaison fetch` got to in a mailbox, kept in the keystore (`fetch/<mailbox>.json`, 0600):
 *
 * - `cursor`: every inbox item whose change number is at or below it has been dealt with
 *   (acknowledged, deleted, or not an inbox letter). The next pass syncs only what changed after it.
 *   A letter that failed holds the cursor just below itself, so it is tried again on every pass. An
 *   item's number only ever grows (a read or an archive gives it a new one), so nothing can slip
 *   under the cursor unseen.
 * - `written`: letters whose files are complete in the output directory but whose acknowledgement
 *   may not have reached the server. A rerun acknowledges them without writing them again, even if
 *   the practice software has already taken the files away.
 *
 * The server's acknowledgements are the record; this file only saves work and guards the short
 * window between writing and acknowledging. Losing it costs one full sync, never a letter.
 */
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

interface StoredState {
  version: 1;
  server: string;
  mailbox: string;
  cursor: number;
  written: string[];
}

function fileName(mailbox: string): string {
  return mailbox.toLowerCase().replace(/[^a-z0-9@._-]/g, '_') + '.json';
}

export class FetchState {
  private constructor(
    private readonly path: string,
    private state: StoredState,
  ) {}

  static load(home: string, server: string, mailbox: string): FetchState {
    const dir = join(home, 'fetch');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The keystore refuses to open when anything in it is open to others (see keystore.ts).
    chmodSync(dir, 0o700);
    const path = join(dir, fileName(mailbox));
    const fresh: StoredState = { version: 1, server, mailbox, cursor: 0, written: [] };
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredState>;
      const usable =
        stored.version === 1 &&
        stored.server === server &&
        stored.mailbox === mailbox &&
        typeof stored.cursor === 'number' &&
        Array.isArray(stored.written);
      return new FetchState(path, usable ? (stored as StoredState) : fresh);
    } catch {
      // Missing or unreadable: start from the beginning, which is always safe.
      return new FetchState(path, fresh);
    }
  }

  get cursor(): number {
    return this.state.cursor;
  }

  /** The server's numbers went backwards (a restored database): sync everything again. */
  reset(): void {
    this.state.cursor = 0;
    this.save();
  }

  advance(seq: number): void {
    if (seq <= this.state.cursor) return;
    this.state.cursor = seq;
    this.save();
  }

  isWritten(id: string): boolean {
    return this.state.written.includes(id);
  }

  markWritten(id: string): void {
    if (this.isWritten(id)) return;
    this.state.written.push(id);
    this.save();
  }

  acknowledged(id: string): void {
    if (!this.isWritten(id)) return;
    this.state.written = this.state.written.filter((w) => w !== id);
    this.save();
  }

  private save(): void {
    const temporary = `${this.path}.tmp-${process.pid}`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.state, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.path);
  }
}
