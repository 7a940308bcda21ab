/**
 * `liaison login` against a real server process: password on standard input, TOTP code as an
 * option, bearer token kept in a file only its owner can read.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = 'packages/cli/bin/liaison.js';

describe('liaison login', () => {
  let server: ChildProcess;
  let env: Record<string, string>;
  let url: string;
  const email = 'dr.martin@cabinet.test';
  const password = 'a long enough password';

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liaison-login-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    url = `http://127.0.0.1:${port}`;
    env = {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      XDG_CONFIG_HOME: join(dataDir, 'config'),
      LIAISON_DATA_DIR: dataDir,
      LIAISON_HTTP_PORT: port,
      LIAISON_SECRET: 'login-test-secret-0123456789-abcdefghijklmnop',
      LIAISON_LOG_LEVEL: 'warn',
    };
    const created = spawnSync(
      process.execPath,
      [
        bin,
        'admin',
        'create-user',
        '--email',
        email,
        '--password',
        password,
        '--first-name',
        'Luc',
        '--last-name',
        'Martin',
        '--role',
        'professional',
      ],
      { cwd: repoRoot, env, encoding: 'utf8' },
    );
    expect(created.status, created.stderr).toBe(0);
    server = spawn(process.execPath, [bin, 'serve'], { cwd: repoRoot, env });
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('is running at')) resolve();
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  });
  afterAll(() => {
    server.kill('SIGTERM');
  });

  async function enrolTotp(): Promise<string> {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, tokenType: 'bearer' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const enrol = await fetch(`${url}/api/auth/totp/enrol`, { method: 'POST', headers: auth, body: '{}' });
    const { secret } = (await enrol.json()) as { secret: string };
    const confirm = await fetch(`${url}/api/auth/totp/confirm`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ code: await generate({ secret }) }),
    });
    expect(confirm.status).toBe(200);
    return secret;
  }

  function runLogin(args: string[], stdin: string) {
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'login', '--server', url, ...args], { cwd: repoRoot, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(stdin);
    });
  }

  it('refuses a wrong password with its code and exit 1', async () => {
    const run = await runLogin(['--email', email, '--totp', '123456'], 'not the password\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('INVALID_CREDENTIALS');
  });

  it('signs in with password and TOTP and keeps a working bearer token readable only by its owner', async () => {
    const secret = await enrolTotp();
    // The enrolment consumed the current step; the server also accepts the next one (clock drift).
    const nextStep = Math.floor(Date.now() / 1000 / 30) * 30 + 30;
    const code = await generate({ secret, epoch: nextStep });
    const run = await runLogin(['--email', email, '--totp', code], `${password}\n`);
    // An account made at the console accepted no charter yet: the sign-in says what to run.
    expect(run.stderr).toBe(
      'Password: \nVersion 1 of the usage charter is in force: read and accept it before sending: liaison charter accept\n',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`signed in to ${url} as ${email}`);
    const path = join(env.XDG_CONFIG_HOME!, 'liaison', 'session.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { token: string };
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${saved.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, lastName: 'Martin' });
  }, 60_000);
});
