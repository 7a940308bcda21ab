/** Real LDAP peers for the LDAP suite: Debian's ldap-utils, a throwaway TLS certificate, LDIF reading. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface LdapTools {
  dir: string;
  cert: string;
  key: string;
  /** Runs ldapsearch, ldapadd… with TLS checked against the throwaway certificate. */
  run(tool: string, args: string[]): Promise<ToolResult>;
  /** Writes an LDIF file and returns its path (for `-f`). */
  file(name: string, content: string): string;
  dispose(): void;
}

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A self-signed certificate for 127.0.0.1 (openssl req -x509) and an environment trusting it. */
export async function ldapTools(): Promise<LdapTools> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-ldap-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = await exec(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    process.env,
  );
  if (made.code !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  writeFileSync(join(dir, 'ldap.conf'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // Ignore any ldap.conf / .ldaprc of the machine running the tests (LDAPNOINIT would also ignore
    // the LDAPTLS_* variables below).
    HOME: dir,
    LDAPCONF: join(dir, 'ldap.conf'),
    LDAPTLS_CACERT: cert,
    LDAPTLS_REQCERT: 'demand',
  };
  return {
    dir,
    cert: readFileSync(cert, 'utf8'),
    key: readFileSync(key, 'utf8'),
    run: (tool, args) => exec(tool, args, env),
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface LdifEntry {
  dn: string;
  /** Attribute name as printed (with options, e.g. userCertificate;binary) → values; `::` values decoded. */
  attrs: Map<string, (string | Buffer)[]>;
}

function decodeLine(line: string): { name: string; value: string | Buffer } {
  const b64 = /^([^:]+):: ?(.*)$/.exec(line);
  if (b64) {
    const raw = Buffer.from(b64[2]!, 'base64');
    // Text is base64-encoded by ldapsearch when it is not plain ASCII; certificates always are.
    const asText = raw.toString('utf8');
    const binary = b64[1]!.includes(';binary') || Buffer.from(asText, 'utf8').compare(raw) !== 0;
    return { name: b64[1]!, value: binary ? raw : asText };
  }
  const plain = /^([^:]+): ?(.*)$/.exec(line);
  if (!plain) throw new Error(`not LDIF: ${line}`);
  return { name: plain[1]!, value: plain[2]! };
}

/** Parses `ldapsearch -LLL` output. */
export function parseLdif(text: string): LdifEntry[] {
  const unfolded = text.replace(/\r?\n /g, '');
  const entries: LdifEntry[] = [];
  for (const block of unfolded.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    if (lines.length === 0) continue;
    const first = decodeLine(lines[0]!);
    if (first.name !== 'dn') continue;
    const attrs = new Map<string, (string | Buffer)[]>();
    for (const line of lines.slice(1)) {
      const { name, value } = decodeLine(line);
      attrs.set(name, [...(attrs.get(name) ?? []), value]);
    }
    entries.push({ dn: first.value.toString(), attrs });
  }
  return entries;
}

/** The text values of one attribute (any case), or []. */
export function values(entry: LdifEntry | undefined, name: string): string[] {
  if (entry === undefined) return [];
  for (const [key, list] of entry.attrs) {
    if (key.toLowerCase() === name.toLowerCase()) return list.map((v) => v.toString());
  }
  return [];
}
