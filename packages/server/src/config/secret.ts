import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';

export interface InstanceSecret {
  value: string;
  source: 'env' | 'file' | 'generated';
  path?: string;
}

/**
 * The instance secret protects the CA keys at rest and signs audit checkpoints. Given in the
 * environment it wins; otherwise it is generated once into the data dir (mode 0600) and reused.
 */
export function resolveInstanceSecret(dataDir: string, fromEnv: string | undefined): InstanceSecret {
  if (fromEnv !== undefined) return { value: fromEnv, source: 'env' };
  const path = join(dataDir, 'instance-secret');
  try {
    const value = readFileSync(path, 'utf8').trim();
    if ((statSync(path).mode & 0o077) !== 0) {
      throw new ConfigError(`${path} is readable by other users: run \`chmod 600 ${path}\`.`);
    }
    if (value.length < 32) throw new ConfigError(`${path} holds a secret shorter than 32 characters.`);
    return { value, source: 'file', path };
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`Cannot read the instance secret at ${path}.`);
    }
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const value = randomBytes(48).toString('base64url');
  writeFileSync(path, value + '\n', { mode: 0o600, flag: 'wx' });
  return { value, source: 'generated', path };
}
