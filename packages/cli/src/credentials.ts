import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface StoredSession {
  server: string;
  email: string;
  token: string;
  savedAt: string;
}

/** Where `liaison login` keeps its bearer token: readable only by the OS user (mode 0600). */
export function credentialsPath(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'liaison', 'session.json');
}

export function saveSession(session: StoredSession): string {
  const path = credentialsPath();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, JSON.stringify(session, null, 2) + '\n', { mode: 0o600 });
  return path;
}

export function loadSession(): StoredSession | null {
  try {
    return JSON.parse(readFileSync(credentialsPath(), 'utf8')) as StoredSession;
  } catch {
    return null;
  }
}
