/**
 * Crash-safe writes into the output directory, which practice software watches: a file appears
 * under its final name only whole. Each is written to a hidden temporary name in the same directory
 * (same file system, so the rename is atomic), flushed to disk, renamed, and the directory entry
 * itself flushed, so after a power cut a file is either absent or complete.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { inside } from './names.ts';

/** `.NAME.tmp-PID`: hidden from importers that skip dot files, and tied to the process writing it. */
const TEMPORARY = /^\..+\.tmp-(\d+)$/;

export function temporaryName(name: string): string {
  return `.${name}.tmp-${process.pid}`;
}

function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * Writes `data` as `dir/name`, atomically. `beforeRename` runs once the temporary file is on disk
 * (the crash test hook). Files are created readable by their owner only: they hold patient data.
 */
export function writeFileAtomic(
  dir: string,
  name: string,
  data: Uint8Array,
  beforeRename?: () => void,
): void {
  const final = inside(dir, name);
  const temporary = inside(dir, temporaryName(name));
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  beforeRename?.();
  renameSync(temporary, final);
}

/** Flushes the directory's entries (the renames). Windows cannot open a directory: it has no need. */
export function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (err) {
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    // Some file systems (network shares) cannot fsync a directory; the renames still happened.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw err;
  } finally {
    closeSync(fd);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files left by a writer that died (its process is gone); those of a live one (a
 * second fetch into the same directory) are left alone. Returns the names removed.
 */
export function removeLeftovers(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const match = TEMPORARY.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && alive(pid)) continue;
    unlinkSync(join(dir, name));
    removed.push(name);
  }
  return removed;
}
