import { ConfigError } from '../errors.ts';
import { baseDnForDomain, formatDn, parseDn } from './dn.ts';
import { LdapFailure } from './errors.ts';

export interface LdapConfig {
  /** LDAPS port (TLS from the first byte), or null when LDAP is off. */
  port: number | null;
  /** Plain LDAP port, bound to 127.0.0.1 only (local tools, benchmarks), or null. */
  plainPort: number | null;
  /** Root of the tree, e.g. dc=liaison,dc=example,dc=fr. */
  baseDn: string;
}

interface LdapEnv {
  LIAISON_LDAP_PORT?: string | undefined;
  LIAISON_LDAP_PLAIN_PORT?: string | undefined;
  LIAISON_LDAP_BASE_DN?: string | undefined;
}

function port(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || n < 1 || n > 65535) {
    throw new ConfigError(`${name} "${value}" is not a port number (1-65535).`);
  }
  return n;
}

/**
 * LDAP settings. LDAPS needs the instance's TLS certificate: a directory push carries a password, so
 * there is no plain listener except on the loopback interface.
 */
export function parseLdapConfig(env: LdapEnv, hasTls: boolean, mailDomain: string): LdapConfig {
  const ldapsPort = port('LIAISON_LDAP_PORT', env.LIAISON_LDAP_PORT);
  const plainPort = port('LIAISON_LDAP_PLAIN_PORT', env.LIAISON_LDAP_PLAIN_PORT);
  if (ldapsPort !== null && !hasTls) {
    throw new ConfigError(
      'LIAISON_LDAP_PORT serves LDAPS: set LIAISON_TLS_CERT and LIAISON_TLS_KEY too (or use LIAISON_LDAP_PLAIN_PORT for loopback-only plain LDAP).',
    );
  }
  if (ldapsPort !== null && ldapsPort === plainPort) {
    throw new ConfigError('LIAISON_LDAP_PORT and LIAISON_LDAP_PLAIN_PORT must differ.');
  }
  const raw = env.LIAISON_LDAP_BASE_DN ?? baseDnForDomain(mailDomain);
  let baseDn: string;
  try {
    const rdns = parseDn(raw);
    if (rdns.length === 0) throw new LdapFailure(34, 'empty');
    baseDn = formatDn(rdns);
  } catch (err) {
    if (!(err instanceof LdapFailure)) throw err;
    throw new ConfigError(
      `LIAISON_LDAP_BASE_DN "${raw}" is not a distinguished name (e.g. dc=liaison,dc=example,dc=fr).`,
    );
  }
  return { port: ldapsPort, plainPort, baseDn };
}
