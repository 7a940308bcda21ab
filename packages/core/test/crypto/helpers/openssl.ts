/** Running the real `openssl` (3.x) as the peer in interoperability tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

export function openssl(args: string[], input?: Uint8Array | string): OpensslResult {
  const result = spawnSync('openssl', args, { input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** Runs openssl and fails the test with its stderr when it does not exit 0. */
export function opensslOk(args: string[], input?: Uint8Array | string): Buffer {
  const result = openssl(args, input);
  if (result.status !== 0)
    throw new Error(`openssl ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

export interface TempDir {
  path: string;
  file(name: string, content?: Uint8Array | string): string;
  read(name: string): Uint8Array;
  remove(): void;
}

export function tempDir(prefix = 'liaison-crypto-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file(name, content) {
      const target = join(path, name);
      if (content !== undefined) writeFileSync(target, content);
      return target;
    },
    read(name) {
      return new Uint8Array(readFileSync(join(path, name)));
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}
