import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/config.ts';
import { readEnv } from '../src/config/env.ts';
import { resolveInstanceSecret } from '../src/config/secret.ts';
import { ConfigError } from '../src/errors.ts';

const cwd = '/srv/liaison';

describe('configuration', () => {
  it('starts with sensible defaults: SQLite under ./data, port 8080, no TLS', () => {
    const config = buildConfig({}, cwd);
    expect(config).toMatchObject({
      dataDir: '/srv/liaison/data',
      http: { port: 8080, host: '0.0.0.0' },
      publicUrl: 'http://localhost:8080',
      database: { kind: 'sqlite', path: '/srv/liaison/data/liaison.sqlite' },
      mailDomain: 'localhost.localdomain',
      tls: null,
      smtpRelayUrl: null,
    });
  });

  it('takes the bulk-mail limits from LIAISON_BULK_*, 20 and 40 recipients by default', () => {
    expect(buildConfig({}, cwd).bulk).toEqual({ messageRecipients: 20, hourlyRecipients: 40 });
    const env = { LIAISON_BULK_MESSAGE_RECIPIENTS: '200', LIAISON_BULK_HOURLY_RECIPIENTS: '1' };
    expect(buildConfig(env, cwd).bulk).toEqual({ messageRecipients: 200, hourlyRecipients: 1 });
    expect(buildConfig(readEnv({ LIAISON_BULK_HOURLY_RECIPIENTS: ' 120 ' }), cwd).bulk.hourlyRecipients).toBe(
      120,
    );
  });

  it('accepts PostgreSQL and SQLite database URLs', () => {
    expect(buildConfig({ LIAISON_DATABASE_URL: 'postgres://u:p@db:5432/liaison' }, cwd).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/liaison',
    });
    expect(buildConfig({ LIAISON_DATABASE_URL: 'sqlite:./other.db' }, cwd).database).toEqual({
      kind: 'sqlite',
      path: '/srv/liaison/other.db',
    });
  });

  it.each([
    [{ LIAISON_HTTP_PORT: 'eighty' }, /LIAISON_HTTP_PORT "eighty" is not a port/],
    [{ LIAISON_HTTP_PORT: '70000' }, /LIAISON_HTTP_PORT/],
    [{ LIAISON_PUBLIC_URL: 'liaison.example.fr' }, /LIAISON_PUBLIC_URL .* is not a URL/],
    [{ LIAISON_PUBLIC_URL: 'ftp://liaison.example.fr' }, /must start with https:\/\//],
    [
      { LIAISON_DATABASE_URL: 'mysql://root@localhost/liaison' },
      /must be a postgres:\/\/ URL or a SQLite file/,
    ],
    [{ LIAISON_SECRET: 'short' }, /LIAISON_SECRET must be at least 32 characters/],
    [{ LIAISON_MAIL_DOMAIN: 'not a domain' }, /LIAISON_MAIL_DOMAIN/],
    [{ LIAISON_TLS_CERT: '/etc/cert.pem' }, /Set both LIAISON_TLS_CERT and LIAISON_TLS_KEY/],
    [
      { LIAISON_TLS_CERT: '/nonexistent/cert.pem', LIAISON_TLS_KEY: '/nonexistent/key.pem' },
      /LIAISON_TLS_CERT: cannot read/,
    ],
    [{ LIAISON_SMTP_RELAY_URL: 'relay.example.fr' }, /LIAISON_SMTP_RELAY_URL must look like smtp:\/\//],
    [{ LIAISON_LOG_LEVEL: 'loud' }, /LIAISON_LOG_LEVEL must be one of/],
    [
      { LIAISON_BULK_MESSAGE_RECIPIENTS: 'twenty' },
      /LIAISON_BULK_MESSAGE_RECIPIENTS "twenty" must be a whole number/,
    ],
    [
      { LIAISON_BULK_MESSAGE_RECIPIENTS: '0' },
      /LIAISON_BULK_MESSAGE_RECIPIENTS "0" must be .* between 1 and 200/,
    ],
    [{ LIAISON_BULK_MESSAGE_RECIPIENTS: '201' }, /LIAISON_BULK_MESSAGE_RECIPIENTS "201"/],
    [{ LIAISON_BULK_MESSAGE_RECIPIENTS: '2.5' }, /LIAISON_BULK_MESSAGE_RECIPIENTS "2.5"/],
    [
      { LIAISON_BULK_HOURLY_RECIPIENTS: '-1' },
      /LIAISON_BULK_HOURLY_RECIPIENTS "-1" must be .* between 1 and 100000/,
    ],
    [{ LIAISON_BULK_HOURLY_RECIPIENTS: '100001' }, /LIAISON_BULK_HOURLY_RECIPIENTS "100001"/],
    [{ LIAISON_BULK_HOURLY_RECIPIENTS: '1e3' }, /LIAISON_BULK_HOURLY_RECIPIENTS "1e3"/],
  ])('refuses %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      buildConfig(env, cwd);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses TLS files that are not PEM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-tls-'));
    writeFileSync(join(dir, 'cert.pem'), 'hello');
    writeFileSync(join(dir, 'key.pem'), 'world');
    expect(() =>
      buildConfig({ LIAISON_TLS_CERT: join(dir, 'cert.pem'), LIAISON_TLS_KEY: join(dir, 'key.pem') }),
    ).toThrow(/is not a PEM certificate/);
  });

  it('reads only LIAISON_* variables and ignores blank ones', () => {
    expect(readEnv({ LIAISON_HTTP_PORT: ' 9000 ', LIAISON_SECRET: '  ', PATH: '/usr/bin' })).toEqual({
      LIAISON_HTTP_PORT: '9000',
    });
  });

  it('generates the instance secret once, mode 0600, then reuses it; a world-readable one is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-secret-'));
    const first = resolveInstanceSecret(dir, undefined);
    expect(first.source).toBe('generated');
    expect(first.value.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'instance-secret')).mode & 0o777).toBe(0o600);
    const second = resolveInstanceSecret(dir, undefined);
    expect(second).toMatchObject({ source: 'file', value: first.value });
    expect(readFileSync(join(dir, 'instance-secret'), 'utf8').trim()).toBe(first.value);
    expect(resolveInstanceSecret(dir, 'x'.repeat(40))).toMatchObject({ source: 'env' });
    chmodSync(join(dir, 'instance-secret'), 0o644);
    expect(() => resolveInstanceSecret(dir, undefined)).toThrow(/readable by other users/);
  });
});
