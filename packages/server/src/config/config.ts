import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { MAX_RECIPIENTS } from '@liaison/core/api/mail';
import { isNoReplyAddress } from '@liaison/core/policy/noReply';
import { DEFAULT_HOURLY_RECIPIENTS, DEFAULT_MESSAGE_RECIPIENTS } from '@liaison/core/policy/bulkRules';
import { ConfigError } from '../errors.ts';
import { parseLdapConfig, type LdapConfig } from '../ldap/config.ts';
import type { RawEnv } from './env.ts';

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  dataDir: string;
  http: { port: number; host: string };
  /** Base URL users reach (used in links: setup, activation, CRL). */
  publicUrl: string;
  database: DatabaseConfig;
  /** Instance secret (≥ 32 chars); undefined means "generate or read it from the data dir". */
  secret: string | undefined;
  mailDomain: string;
  tls: { cert: string; key: string } | null;
  smtpRelayUrl: string | null;
  logLevel: LogLevel;
  nodeId: string;
  /** Largest encrypted letter accepted (attachments included), in bytes. */
  mailMaxBytes: number;
  /** Requests per minute one client address may make (a flood guard; logins are limited apart). */
  rateLimitPerMinute: number;
  /**
   * Sign-in attempts one client address may make per 5 minutes. A hospital behind one NAT address
   * signs everyone in from it at 8 am, so an operator may raise this (failed passwords still lock
   * each account on its own).
   */
  loginAttemptsPerAddress: number;
  /** The national RPPS extraction file re-imported every day, if any. */
  rppsExtractionPath: string | null;
  /** Published directory entries readable without signing in (web, API, LDAP, FHIR). */
  directoryPublic: boolean;
  /** LDAP directory service (LDAPS, optional loopback plain port, base DN). */
  ldap: LdapConfig;
  /** Bulk-mail rules (charter article 5): above these, a message is held for a technician. */
  bulk: { messageRecipients: number; hourlyRecipients: number };
  /** Statistics: what a paper letter costs, and the national totals coverage is compared with. */
  stats: { postageUnitCents: number; nationalEhpad: number; nationalEhpadBeds: number };
  /** Public service status: support hours as shown, and the From of alert emails (it accepts replies). */
  status: { supportHours: string; alertFrom: string };
  /** NATS with JetStream for events across server nodes; null: one process, events stay in memory. */
  natsUrl: string | null;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Validates the raw environment into a typed config. Pure apart from reading the TLS files (so a bad
 * path fails at start, not at the first HTTPS handshake). Throws ConfigError with one clear line.
 */
export function buildConfig(env: RawEnv, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, env.LIAISON_DATA_DIR ?? './data');
  const port = parsePort(env.LIAISON_HTTP_PORT ?? '8080');
  const host = env.LIAISON_HTTP_HOST ?? '0.0.0.0';
  const tls = readTls(env, cwd);
  const publicUrl = parsePublicUrl(env.LIAISON_PUBLIC_URL ?? `${tls ? 'https' : 'http'}://localhost:${port}`);
  const database = parseDatabaseUrl(env.LIAISON_DATABASE_URL, dataDir, cwd);
  const secret = env.LIAISON_SECRET;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('LIAISON_SECRET must be at least 32 characters (use `openssl rand -base64 48`).');
  }
  const mailDomain = (env.LIAISON_MAIL_DOMAIN ?? defaultMailDomain(publicUrl)).toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(mailDomain)) {
    throw new ConfigError(`LIAISON_MAIL_DOMAIN "${mailDomain}" is not a domain name.`);
  }
  const smtpRelayUrl = env.LIAISON_SMTP_RELAY_URL ?? null;
  if (smtpRelayUrl !== null && !/^smtps?:\/\/[^/]+/.test(smtpRelayUrl)) {
    throw new ConfigError(
      'LIAISON_SMTP_RELAY_URL must look like smtp://host:25 or smtps://user:pass@host:465.',
    );
  }
  const logLevel = (env.LIAISON_LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LIAISON_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  }
  return {
    dataDir,
    http: { port, host },
    publicUrl,
    database,
    secret,
    mailDomain,
    tls,
    smtpRelayUrl,
    logLevel,
    nodeId: env.LIAISON_NODE_ID ?? `${hostname()}-${process.pid}`,
    mailMaxBytes: parseMailMaxBytes(env.LIAISON_MAIL_MAX_BYTES),
    rateLimitPerMinute: parseRateLimit(env.LIAISON_RATE_LIMIT),
    loginAttemptsPerAddress: parseCount('LIAISON_LOGIN_ATTEMPTS', env.LIAISON_LOGIN_ATTEMPTS, 30, 100_000),
    rppsExtractionPath: env.LIAISON_RPPS_EXTRACTION ? resolve(cwd, env.LIAISON_RPPS_EXTRACTION) : null,
    directoryPublic: parseBoolean('LIAISON_DIRECTORY_PUBLIC', env.LIAISON_DIRECTORY_PUBLIC, true),
    ldap: parseLdapConfig(env, tls !== null, mailDomain),
    bulk: {
      messageRecipients: parseCount(
        'LIAISON_BULK_MESSAGE_RECIPIENTS',
        env.LIAISON_BULK_MESSAGE_RECIPIENTS,
        DEFAULT_MESSAGE_RECIPIENTS,
        MAX_RECIPIENTS,
      ),
      hourlyRecipients: parseCount(
        'LIAISON_BULK_HOURLY_RECIPIENTS',
        env.LIAISON_BULK_HOURLY_RECIPIENTS,
        DEFAULT_HOURLY_RECIPIENTS,
        100_000,
      ),
    },
    stats: {
      postageUnitCents: parsePostageCost(env.LIAISON_POSTAGE_UNIT_COST),
      nationalEhpad: parseCount('LIAISON_NATIONAL_EHPAD', env.LIAISON_NATIONAL_EHPAD, 7_500, 1_000_000),
      nationalEhpadBeds: parseCount(
        'LIAISON_NATIONAL_EHPAD_BEDS',
        env.LIAISON_NATIONAL_EHPAD_BEDS,
        600_000,
        100_000_000,
      ),
    },
    status: {
      supportHours:
        env.LIAISON_SUPPORT_HOURS ?? 'Du lundi au vendredi de 8 h à 19 h, le samedi de 8 h à 12 h',
      alertFrom: parseAlertFrom(env.LIAISON_SMTP_FROM, mailDomain),
    },
    natsUrl: parseNatsUrl(env.LIAISON_NATS_URL),
  };
}

/**
 * Euros per paper letter, e.g. 0.95 (sheet 0.10 + envelope 0.05 + stamp 0.80), kept as integer cents so
 * sums of a million letters stay exact.
 */
function parsePostageCost(value: string | undefined): number {
  if (value === undefined) return 95;
  const normalised = value.replace(',', '.');
  if (!/^[0-9]{1,3}(\.[0-9]{1,2})?$/.test(normalised)) {
    throw new ConfigError(
      `LIAISON_POSTAGE_UNIT_COST "${value}" must be an amount in euros with at most two decimals (e.g. 0.95).`,
    );
  }
  return Math.round(Number(normalised) * 100);
}

function parseNatsUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  const urls = value.split(',').map((u) => u.trim());
  if (urls.some((u) => !/^(nats|tls):\/\/[^/\s]+$/.test(u))) {
    throw new ConfigError(
      `LIAISON_NATS_URL "${value}" must be nats://host:4222 (several servers separated by commas).`,
    );
  }
  return value;
}

/** The sender of alert emails must accept replies, like every address on Liaison (charter article 4). */
function parseAlertFrom(value: string | undefined, mailDomain: string): string {
  const from = (value ?? `support@${mailDomain}`).toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(from)) {
    throw new ConfigError(`LIAISON_SMTP_FROM "${value ?? ''}" is not an email address.`);
  }
  if (isNoReplyAddress(from)) {
    throw new ConfigError(`LIAISON_SMTP_FROM "${from}" is a no-reply address: alerts must accept answers.`);
  }
  return from;
}

function parseCount(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < 1 || n > max) {
    throw new ConfigError(`${name} "${value}" must be a whole number between 1 and ${max}.`);
  }
  return n;
}

/**
 * The public host name, made a dotted domain when it is a single label ("localhost"): addresses like
 * jeanne.dupont@localhost are not valid in certificates or in most mail software.
 */
function defaultMailDomain(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return host.includes('.') ? host : `${host}.localdomain`;
}

/** 25 MiB by default: a scanned letter with a few PDFs, well under what a JSON upload can carry. */
const DEFAULT_MAIL_MAX_BYTES = 25 * 1024 * 1024;
const MAIL_MAX_BYTES_CEILING = 200 * 1024 * 1024;

function parseMailMaxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAIL_MAX_BYTES;
  const bytes = Number(value);
  if (!/^[0-9]+$/.test(value) || bytes < 64 * 1024 || bytes > MAIL_MAX_BYTES_CEILING) {
    throw new ConfigError(
      `LIAISON_MAIL_MAX_BYTES "${value}" must be a number of bytes between 65536 and ${MAIL_MAX_BYTES_CEILING}.`,
    );
  }
  return bytes;
}

function parseRateLimit(value: string | undefined): number {
  if (value === undefined) return 600;
  const perMinute = Number(value);
  if (!/^[0-9]+$/.test(value) || perMinute < 10) {
    throw new ConfigError(
      `LIAISON_RATE_LIMIT "${value}" must be a number of requests per minute, at least 10.`,
    );
  }
  return perMinute;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} "${value}" must be true or false.`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^[0-9]+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`LIAISON_HTTP_PORT "${value}" is not a port number (1-65535).`);
  }
  return port;
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`LIAISON_PUBLIC_URL "${value}" is not a URL (e.g. https://liaison.example.fr).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('LIAISON_PUBLIC_URL must start with https:// (or http:// for localhost).');
  }
  return url.origin;
}

function parseDatabaseUrl(value: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (value === undefined) return { kind: 'sqlite', path: resolve(dataDir, 'liaison.sqlite') };
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new ConfigError('LIAISON_DATABASE_URL is not a valid postgres:// URL.');
    }
    return { kind: 'postgres', url: value };
  }
  const path = value.replace(/^(sqlite|file):(\/\/)?/, '');
  if (/^[a-z]+:\/\//i.test(value) && path === value) {
    throw new ConfigError('LIAISON_DATABASE_URL must be a postgres:// URL or a SQLite file (sqlite:path).');
  }
  if (path === '') throw new ConfigError('LIAISON_DATABASE_URL names no SQLite file.');
  return { kind: 'sqlite', path: resolve(cwd, path) };
}

function readTls(env: RawEnv, cwd: string): Config['tls'] {
  const certPath = env.LIAISON_TLS_CERT;
  const keyPath = env.LIAISON_TLS_KEY;
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) {
    throw new ConfigError('Set both LIAISON_TLS_CERT and LIAISON_TLS_KEY to serve HTTPS, or neither.');
  }
  const read = (name: string, path: string): string => {
    try {
      return readFileSync(resolve(cwd, path), 'utf8');
    } catch {
      throw new ConfigError(`${name}: cannot read "${path}".`);
    }
  };
  const cert = read('LIAISON_TLS_CERT', certPath);
  const key = read('LIAISON_TLS_KEY', keyPath);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError(`LIAISON_TLS_CERT "${certPath}" is not a PEM certificate.`);
  }
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(key)) {
    throw new ConfigError(`LIAISON_TLS_KEY "${keyPath}" is not a PEM private key.`);
  }
  return { cert, key };
}
