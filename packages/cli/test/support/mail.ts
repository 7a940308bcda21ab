/**
 * Secure-mail helpers for the `send` and `fetch` suites: two verified colleagues with keys made by
 * `liaison keys init` on a real server, their saved sessions for direct HTTP calls (checking what the
 * server records), the keystore's keys for crafting letters the CLI itself would never send, and a
 * long-running `liaison` child (fetch --watch) read line by line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeHprim } from '@liaison/core/hprim/index';
import {
  establishmentAdmin,
  liaison,
  machine,
  professional,
  repoRoot,
  secretFile,
  signIn,
  startServer,
  type Machine,
  type Professional,
  type Run,
  type TestServer,
} from './liaison.ts';

export interface Person {
  pro: Professional;
  m: Machine;
}

export interface Colleagues {
  server: TestServer;
  sender: Person;
  recipient: Person;
}

async function withKeys(server: TestServer, pro: Professional, m: Machine): Promise<Person> {
  const login = await signIn(server, m, pro);
  if (login.status !== 0) throw new Error(`login: ${login.stderr}`);
  const passphrase = secretFile(server, `passphrase-${pro.userId}`, 'a passphrase for the key backup');
  const init = await m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
  if (init.status !== 0) throw new Error(`keys init: ${init.stderr}`);
  return { pro, m };
}

/** A server with Luc Martin (the sender) and Anne Durand (the recipient), keys set up side by side. */
export async function colleagues(name: string, extraEnv: Record<string, string> = {}): Promise<Colleagues> {
  const server = await startServer(name, extraEnv);
  // Registered one after the other: each approval is a console process writing to the server's SQLite
  // file, and two at once can meet SQLITE_BUSY. The slow part (key generation) then runs side by side.
  const luc = await professional(server, 'Luc', 'Martin');
  const anne = await professional(server, 'Anne', 'Durand');
  const [sender, recipient] = await Promise.all([
    withKeys(server, luc, machine(server, 'sender')),
    withKeys(server, anne, machine(server, 'recipient')),
  ]);
  return { server, sender, recipient };
}

async function post<T>(server: TestServer, path: string, body: unknown, token?: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A practice's shared mailbox (CAB) owned by `owner`, with its key made by the owner's `liaison
 * mailbox key-init`: an establishment admin (console, TOTP over HTTP) creates it and hands it over.
 */
export async function sharedMailbox(server: TestServer, owner: Person, address: string): Promise<void> {
  const org = await liaison(server.env, [
    'admin',
    'create-org',
    '--name',
    'Cabinet des Tilleuls',
    '--kind',
    'practice',
    '--json',
  ]);
  if (org.status !== 0) throw new Error(`create-org: ${org.stderr}`);
  const orgId = (JSON.parse(org.stdout) as { id: string }).id;
  const admin = await establishmentAdmin(server, orgId);
  const token = admin.token;
  const box = await post<{ id: string }>(
    server,
    '/api/mailboxes',
    { address, kind: 'CAB', organisationId: orgId },
    token,
  );
  await post(
    server,
    `/api/mailboxes/${box.id}/members`,
    { userId: owner.pro.userId, access: 'owner' },
    token,
  );
  // The admin (a member as creator, without keys) steps out, so the key is wrapped for the owner alone.
  const left = await fetch(`${server.url}/api/mailboxes/${box.id}/members/${admin.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  if (left.status !== 204) throw new Error(`leaving the mailbox: ${left.status} ${await left.text()}`);
  const keyInit = await owner.m.run(`mailbox key-init ${address} --home {home}`);
  if (keyInit.status !== 0) throw new Error(`mailbox key-init: ${keyInit.stderr}`);
}

/**
 * Starts `liaison serve` again on a stopped test server's port and data; returns how to stop it. The
 * old process may still hold the port for a moment while it shuts down: a start that fails is tried
 * again a few times.
 */
export async function restartServer(server: TestServer): Promise<() => void> {
  for (let attempt = 0; ; attempt++) {
    const again = spawn(process.execPath, ['packages/cli/bin/liaison.js', 'serve'], {
      cwd: repoRoot,
      env: server.env,
    });
    again.stderr.resume();
    const started = await new Promise<boolean>((resolve) => {
      again.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('is running at')) resolve(true);
      });
      again.on('exit', () => resolve(false));
    });
    if (started) return () => again.kill('SIGTERM');
    if (attempt >= 10) throw new Error('the server did not start again');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Runs `liaison …` on a person's machine with extra environment (the test hooks). */
export function runWith(p: Person, env: Record<string, string>, args: string[]): Promise<Run> {
  return liaison({ ...p.m.env, ...env }, args);
}

/** The bearer token `liaison login` saved for this person (bound to their keystore's device). */
export function tokenOf(p: Person): string {
  const path = join(p.m.env.XDG_CONFIG_HOME!, 'liaison', 'session.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { token: string }).token;
}

export async function http<T>(
  server: TestServer,
  p: Person,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokenOf(p)}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface StoredKey {
  privateKeyPkcs8Pem: string;
  certificatePem: string;
  keyFile: string;
  certFile: string;
}

/** A key of the person's keystore, as the files `keys init` wrote (PKCS#8 PEM, certificate PEM). */
export function keystoreKey(p: Person, usage: 'signing' | 'encryption'): StoredKey {
  const state = JSON.parse(readFileSync(join(p.m.home, 'keystore.json'), 'utf8')) as {
    keys: Array<{ usage: string; keyFile: string; certFile: string }>;
  };
  const record = state.keys.find((k) => k.usage === usage);
  if (!record) throw new Error(`no ${usage} key in ${p.m.home}`);
  const keyFile = join(p.m.home, record.keyFile);
  const certFile = join(p.m.home, record.certFile);
  return {
    privateKeyPkcs8Pem: readFileSync(keyFile, 'utf8'),
    certificatePem: readFileSync(certFile, 'utf8'),
    keyFile,
    certFile,
  };
}

/**
 * A hospital letter as practice software writes it: Windows-1252 (œ and € are in 0x80–0x9F, where
 * ISO-8859-1 has none), CRLF, the 12 header lines, the text, the closing tags.
 */
export const HPRIM_TEXT =
  [
    'P-20250115-42',
    'Lefèvre',
    'Hélène',
    '12 rue des Écoles',
    '',
    '75005 PARIS',
    '03/02/1950',
    '',
    'D-7781',
    '15/01/2025',
    'CARDIO Dr Luc Martin',
    'MG Dr Anne Durand',
    'Chère consœur,',
    'Je vous adresse Mme Lefèvre, vue ce jour : tension à 14/9, ECG normal.',
    'Dépassement d’honoraires : 25 €. À revoir dans trois mois.',
    '****FIN****',
    '****FINFICHIER****',
  ].join('\r\n') + '\r\n';

export const HPRIM_CP1252 = encodeHprim(HPRIM_TEXT, 'windows-1252');

/** A `liaison` child that keeps running, its output collected and waited on by pattern. */
export interface LongRun {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs: number): Promise<string>;
  exited: Promise<number | null>;
}

export function start(p: Person, args: string[]): LongRun {
  const child = spawn(process.execPath, ['packages/cli/bin/liaison.js', ...args], {
    cwd: repoRoot,
    env: p.m.env,
  });
  const out = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  let ended = false;
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    out[stream] += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout.on('data', collect('stdout'));
  child.stderr.on('data', collect('stderr'));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      ended = true;
      for (const wake of waiters.splice(0)) wake();
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    exited,
    waitFor(stream, pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const fail = (why: string) =>
          reject(new Error(`${why}: ${pattern} never came on ${stream}\n${out.stdout}\n${out.stderr}`));
        const timer = setTimeout(() => fail('timed out'), timeoutMs);
        const check = () => {
          const match = pattern.exec(out[stream]);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          } else if (ended) {
            clearTimeout(timer);
            fail('the process exited');
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
  };
}
