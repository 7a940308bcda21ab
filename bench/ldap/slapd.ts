/**
 * A throwaway OpenLDAP slapd (the Debian package's binaries): a minimal slapd.conf in a temp dir, an
 * mdb database loaded offline with slapadd, and slapd in the foreground on a loopback port, so the
 * benchmark can stop it. Nothing of the system's own slapd (/etc/ldap/slapd.d, its service) is used.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

/** slapd's version line, e.g. "OpenLDAP slapd 2.5.13+dfsg-5". */
export function slapdVersion(): string {
  const out = spawnSync(SLAPD, ['-VV'], { encoding: 'utf8' });
  return /slapd [^\s$]+/.exec(`${out.stdout}${out.stderr}`)?.[0] ?? 'slapd (unknown version)';
}

/** Writes slapd.conf (and creates the database dir) under `dir`; returns the config's path. */
export function writeSlapdConfig(dir: string, baseDn: string): string {
  const db = join(dir, 'db');
  mkdirSync(db, { recursive: true });
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      // Debian builds the backends as modules.
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `argsfile ${join(dir, 'slapd.args')}`,
      // No per-operation logging (the default, "stats", logs every search); Liaison logs warnings only.
      'loglevel 0',
      'database mdb',
      'maxsize 4294967296',
      `suffix "${baseDn}"`,
      `rootdn "cn=admin,${baseDn}"`,
      'rootpw bench-only-not-a-secret',
      `directory ${db}`,
      'index objectClass eq',
      'index cn,sn,givenName,mail eq,sub',
      '',
    ].join('\n'),
  );
  return conf;
}

/** Offline load (quick mode: no consistency checks, as for a bulk import). */
export function slapadd(conf: string, ldif: string): void {
  const run = spawnSync(SLAPADD, ['-q', '-f', conf, '-l', ldif], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`slapadd failed (${run.status}): ${run.stderr.slice(-2000)}`);
}

/** slapd in the foreground (-d 0: no debug output, no detaching) on 127.0.0.1:port. */
export function startSlapd(conf: string, port: number): { child: ChildProcess; stderr: () => string } {
  const child = spawn(SLAPD, ['-f', conf, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return { child, stderr: () => stderr };
}

/**
 * An RFC 2849 SAFE-STRING can be written as is: ASCII without NUL, LF or CR, not starting with a space,
 * colon or "<" (and, as recommended, not ending with a space). Anything else is base64 (`::`).
 */
function safeString(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0 || code === 0x0a || code === 0x0d || code > 0x7f) return false;
    if (i === 0 && (code === 0x20 || code === 0x3a || code === 0x3c)) return false;
  }
  return !text.endsWith(' ');
}

function ldifLine(type: string, value: Buffer, binary: boolean): string {
  const text = value.toString('utf8');
  if (!binary && safeString(text)) return `${type}: ${text}`;
  return `${type}:: ${value.toString('base64')}`;
}

/** One LDIF record (ending with its blank line). */
export function ldifRecord(dn: string, attributes: { type: string; buffers: Buffer[] }[]): string {
  const lines = [ldifLine('dn', Buffer.from(dn, 'utf8'), false)];
  for (const attribute of attributes) {
    const binary = attribute.type.toLowerCase().endsWith(';binary');
    for (const value of attribute.buffers) lines.push(ldifLine(attribute.type, value, binary));
  }
  return `${lines.join('\n')}\n\n`;
}
