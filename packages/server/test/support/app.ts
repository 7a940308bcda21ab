import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { generate } from 'otplib';
import { ManualClock } from '../../src/clock.ts';
import { buildConfig } from '../../src/config/config.ts';
import type { RawEnv } from '../../src/config/env.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/http/app.ts';
import type { TestBackend } from './databases.ts';

export const TEST_SECRET = 'test-instance-secret-0123456789-abcdefghijklmnop';
export const MAIL_DOMAIN = 'liaison.test';

export interface TestInstance {
  ctx: AppContext;
  app: FastifyInstance;
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * A whole instance on a fresh database of `backend`, driven through the real HTTP layer. `env` adds
 * or overrides LIAISON_* variables (e.g. lower bulk-mail limits, so a test needs fewer recipients).
 */
export async function startInstance(
  backend: TestBackend,
  options: { logger?: Logger; env?: RawEnv } = {},
): Promise<TestInstance> {
  const db = await backend.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-data-'));
  const config = {
    ...buildConfig({
      LIAISON_DATA_DIR: dataDir,
      LIAISON_SECRET: TEST_SECRET,
      LIAISON_PUBLIC_URL: 'http://localhost:8080',
      LIAISON_MAIL_DOMAIN: MAIL_DOMAIN,
      LIAISON_LOG_LEVEL: 'silent',
      ...options.env,
    }),
    database: db.config,
  };
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const ctx = await createContext(config, { clock, ...(options.logger ? { logger: options.logger } : {}) });
  const app = await buildApp(ctx, { webDist: false });
  return {
    ctx,
    app,
    clock,
    async close() {
      await app.close();
      await ctx.close();
      await db.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, unknown>;
}

/** A browser-like client: keeps the session cookie between calls. */
export class Client {
  /** Every cookie the server set, as a browser keeps them (session and device). */
  readonly cookies = new Map<string, string>();
  bearer: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  get cookie(): string | undefined {
    return this.cookies.get('liaison_session');
  }

  set cookie(value: string | undefined) {
    if (value) this.cookies.set('liaison_session', value);
    else this.cookies.delete('liaison_session');
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    raw?: { body: string | Buffer; type: string; headers?: Record<string, string> },
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (raw) Object.assign(headers, raw.headers, { 'content-type': raw.type });
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(raw
        ? { payload: raw.body }
        : payload === undefined
          ? {}
          : { payload: payload as Record<string, unknown> }),
    });
    for (const c of res.cookies) {
      if (c.value) this.cookies.set(c.name, c.value);
      else this.cookies.delete(c.name);
    }
    let body: unknown;
    try {
      body = res.body ? JSON.parse(res.body) : {};
    } catch {
      body = {};
    }
    return { status: res.statusCode, body: body as T, text: res.body, headers: res.headers };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.call<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, payload?: unknown) {
    return this.call<T>('POST', url, payload ?? {});
  }
  patch<T = Record<string, unknown>>(url: string, payload: unknown) {
    return this.call<T>('PATCH', url, payload);
  }
  put<T = Record<string, unknown>>(url: string, payload: unknown) {
    return this.call<T>('PUT', url, payload);
  }
  delete<T = Record<string, unknown>>(url: string) {
    return this.call<T>('DELETE', url);
  }
}

export function totpNow(secret: string, clock: ManualClock): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

/** Password, then TOTP: enrols the factor the first time (returns its secret), verifies it after. */
export async function signIn(
  t: TestInstance,
  email: string,
  password: string,
  totpSecret?: string,
  reuse?: Client,
): Promise<{ client: Client; totpSecret: string; recoveryCodes: string[] }> {
  const client = reuse ?? new Client(t.app);
  const login = await client.post<{ stage: string }>('/api/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  if (login.body.stage === 'enrol-totp') {
    const enrol = await client.post<{ secret: string }>('/api/auth/totp/enrol');
    const confirm = await client.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', {
      code: await totpNow(enrol.body.secret, t.clock),
    });
    if (confirm.status !== 200) throw new Error(`enrolment failed: ${confirm.text}`);
    return { client, totpSecret: enrol.body.secret, recoveryCodes: confirm.body.recoveryCodes };
  }
  if (!totpSecret) throw new Error('this account has a second factor: pass its secret');
  t.clock.advance(30_000); // a TOTP step is single-use
  const verify = await client.post('/api/auth/totp/verify', { code: await totpNow(totpSecret, t.clock) });
  if (verify.status !== 200) throw new Error(`TOTP failed: ${verify.text}`);
  return { client, totpSecret, recoveryCodes: [] };
}

/** A technician (or other role) created at the console, signed in. */
export async function staffUser(
  t: TestInstance,
  role: 'technician' | 'platform_admin' | 'establishment_admin' | 'professional',
  organisationId?: string,
) {
  const { CONSOLE_ACTOR } = await import('../../src/auth/actor.ts');
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = 'correct horse battery staple';
  const id = await t.ctx.users.create(CONSOLE_ACTOR, {
    email,
    password,
    firstName: 'Camille',
    lastName: role,
    role,
    ...(organisationId ? { organisationId } : {}),
  });
  const session = await signIn(t, email, password);
  return { id, email, password, ...session };
}
