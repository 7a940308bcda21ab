/**
 * The CLI as people run it: a real `liaison serve` subprocess on a temporary data directory, a
 * professional registered over HTTP and approved at the console (which gives them their personal
 * mailbox, needed for certificates), TOTP enrolled over HTTP, and "machines": each its own HOME,
 * XDG_CONFIG_HOME (saved session) and keystore directory, running the real binary.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomRpps } from '@liaison/core/synthetic/index';
import { generate } from 'otplib';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = 'packages/cli/bin/liaison.js';
export const PASSWORD = 'a long enough password';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function liaison(env: Record<string, string>, args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export interface TestServer {
  url: string;
  env: Record<string, string>;
  dir: string;
  stop(): void;
}

/** `extraEnv`: more LIAISON_* settings, e.g. a low bulk-mail limit. */
export async function startServer(name: string, extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), `liaison-${name}-`));
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    LIAISON_DATA_DIR: dir,
    LIAISON_HTTP_PORT: port,
    LIAISON_PUBLIC_URL: url,
    LIAISON_MAIL_DOMAIN: 'liaison.test',
    LIAISON_SECRET: `${name}-test-secret-0123456789-abcdefghijklmnop`,
    LIAISON_LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const server: ChildProcess = spawn(process.execPath, [bin, 'serve'], { cwd: repoRoot, env });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) resolve();
    });
    server.stderr!.resume();
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, env, dir, stop: () => server.kill('SIGTERM') };
}

/** One machine of the person: its own HOME, saved session and keystore (a fresh 0700 directory). */
export interface Machine {
  env: Record<string, string>;
  home: string;
  /**
   * Runs `liaison …`; a string is split on spaces (temporary paths have none) and `{home}` stands for
   * this machine's keystore.
   */
  run(command: string | string[], stdin?: string): Promise<Run>;
}

export function machine(server: TestServer, name: string): Machine {
  const base = mkdtempSync(join(server.dir, `${name}-`));
  const env = {
    PATH: server.env.PATH!,
    HOME: base,
    XDG_CONFIG_HOME: join(base, 'config'),
  };
  const home = join(base, 'keystore');
  const args = (command: string | string[]) =>
    typeof command === 'string'
      ? command
          .trim()
          .split(/\s+/)
          .map((a) => (a === '{home}' ? home : a))
      : command;
  return { env, home, run: (command, stdin) => liaison(env, args(command), stdin) };
}

/** A passphrase file (0600) in the server's temporary directory. */
export function secretFile(server: TestServer, name: string, content: string): string {
  const path = join(server.dir, name);
  writeFileSync(path, content + '\n', { mode: 0o600 });
  return path;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * The second factor of one account for several logins: the server accepts the current TOTP step and
 * one either side, never a step twice. A code is used when one is acceptable right now; otherwise a
 * recovery code (rather than waiting up to 30 s for the clock).
 */
export class SecondFactor {
  constructor(
    private readonly secret: string,
    private lastStep: number,
    private readonly recoveryCodes: string[],
  ) {}

  async next(): Promise<string> {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(this.lastStep + 1, current);
    if (step <= current + 1) {
      this.lastStep = step;
      return generate({ secret: this.secret, epoch: step * 30 });
    }
    const code = this.recoveryCodes.shift();
    if (!code) throw new Error('no recovery code left');
    return code;
  }
}

export interface Professional {
  email: string;
  address: string;
  userId: string;
  factor: SecondFactor;
}

/** Registers over HTTP, approves at the console (personal mailbox created), enrols TOTP over HTTP. */
export async function professional(
  server: TestServer,
  firstName: string,
  lastName: string,
): Promise<Professional> {
  const rpps = randomRpps();
  const email = `pro-${rpps}@cabinet.test`;
  const submitted = await post<{ id: string; userId: string }>(`${server.url}/api/registrations`, {
    email,
    password: PASSWORD,
    firstName,
    lastName,
    nationalIdKind: 'rpps',
    nationalId: rpps,
    profession: '10',
    specialty: 'SM54',
    charterVersion: 1,
  });
  if (submitted.status !== 201) throw new Error(`registration: ${JSON.stringify(submitted.body)}`);
  const approved = await liaison(server.env, ['admin', 'approve', submitted.body.id]);
  if (approved.status !== 0) throw new Error(`approval: ${approved.stderr}`);

  const login = await post<{ token: string }>(`${server.url}/api/auth/login`, {
    email,
    password: PASSWORD,
    tokenType: 'bearer',
  });
  const enrol = await post<{ secret: string }>(`${server.url}/api/auth/totp/enrol`, {}, login.body.token);
  const secret = enrol.body.secret;
  const step = Math.floor(Date.now() / 30_000);
  const confirm = await post<{ token: string; recoveryCodes: string[] }>(
    `${server.url}/api/auth/totp/confirm`,
    { code: await generate({ secret, epoch: step * 30 }) },
    login.body.token,
  );
  if (confirm.status !== 200) throw new Error(`TOTP: ${JSON.stringify(confirm.body)}`);
  const me = (await (
    await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${confirm.body.token}` } })
  ).json()) as { mailboxes: Array<{ address: string; kind: string }> };
  const address = me.mailboxes.find((m) => m.kind === 'PER')?.address;
  if (!address) throw new Error('no personal mailbox after approval');
  return {
    email,
    address,
    userId: submitted.body.userId,
    factor: new SecondFactor(secret, step, confirm.body.recoveryCodes),
  };
}

/** `liaison login` on a machine, bound to its keystore's device when it has one. */
export async function signIn(server: TestServer, m: Machine, pro: Professional): Promise<Run> {
  return m.run(
    [
      'login',
      '--server',
      server.url,
      '--email',
      pro.email,
      '--totp',
      await pro.factor.next(),
      '--home',
      m.home,
    ],
    `${PASSWORD}\n`,
  );
}

/** A person created at the console (`admin create-user`), TOTP enrolled over HTTP, with a full bearer session. */
export interface ConsoleUser extends Professional {
  token: string;
}

export async function consoleUser(
  server: TestServer,
  who: { email: string; role: string; firstName: string; lastName: string; orgId?: string },
): Promise<ConsoleUser> {
  const created = await liaison(server.env, [
    'admin',
    'create-user',
    '--email',
    who.email,
    '--password',
    PASSWORD,
    '--first-name',
    who.firstName,
    '--last-name',
    who.lastName,
    '--role',
    who.role,
    ...(who.orgId ? ['--org', who.orgId] : []),
    '--json',
  ]);
  if (created.status !== 0) throw new Error(`create-user: ${created.stderr}`);
  const userId = (JSON.parse(created.stdout) as { id: string }).id;
  const login = await post<{ token: string }>(`${server.url}/api/auth/login`, {
    email: who.email,
    password: PASSWORD,
    tokenType: 'bearer',
  });
  const { secret } = (
    await post<{ secret: string }>(`${server.url}/api/auth/totp/enrol`, {}, login.body.token)
  ).body;
  const step = Math.floor(Date.now() / 30_000);
  const confirmed = await post<{ token: string; recoveryCodes: string[] }>(
    `${server.url}/api/auth/totp/confirm`,
    { code: await generate({ secret, epoch: step * 30 }) },
    login.body.token,
  );
  if (confirmed.status !== 200) throw new Error(`TOTP: ${JSON.stringify(confirmed.body)}`);
  return {
    email: who.email,
    address: who.email,
    userId,
    token: confirmed.body.token,
    factor: new SecondFactor(secret, step, confirmed.body.recoveryCodes),
  };
}

/**
 * An establishment admin of `orgId`, created at the console and signed in over HTTP with a second
 * factor: a full bearer session, as the admin's own browser or script would hold.
 */
export async function establishmentAdmin(
  server: TestServer,
  orgId: string,
  email = 'dsi@cabinet-tilleuls.test',
): Promise<{ id: string; token: string }> {
  const admin = await consoleUser(server, {
    email,
    role: 'establishment_admin',
    firstName: 'Dan',
    lastName: 'Dsi',
    orgId,
  });
  return { id: admin.userId, token: admin.token };
}
