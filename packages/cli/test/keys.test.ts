/**
 * `liaison keys` against a real server: the first machine makes and certifies the keys and uploads
 * the backup; a second machine waits for approval (exit 3, with a code), is approved by code from the
 * first, and restores the keys with the passphrase; exports open in OpenSSL with the passphrase only.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  machine,
  PASSWORD,
  professional,
  secretFile,
  signIn,
  startServer,
  type Machine,
  type Professional,
  type TestServer,
} from './support/liaison.ts';

interface ShowJson {
  device: { id: string; status: string } | null;
  certificates: Array<{
    usage: string;
    serial: string;
    state: string;
    notAfter: string;
    emails: string[];
    inKeystore: boolean;
  }>;
}

const PASSPHRASE = 'une phrase de passe pour la sauvegarde';
const EXPORT_PASSPHRASE = 'export passphrase for openssl';

function openssl(command: string) {
  return spawnSync('openssl', command.split(' '), { encoding: 'utf8' });
}

// Each step spawns the real binary (about a second of start-up each) and RSA/PBKDF2 work: generous
// limits for a loaded 2-core machine; timing is for bench/, never an assertion here.
const SETUP = 180_000;
const SLOW = 120_000;

describe('liaison keys', { timeout: SLOW }, () => {
  let server: TestServer;
  let pro: Professional;
  let first: Machine;
  let second: Machine;
  /** A file in the server's temporary directory. */
  let file: (name: string) => string;
  let passphrase: string;
  let approvalCode: string;

  beforeAll(async () => {
    server = await startServer('keys');
    file = (name) => join(server.dir, name);
    pro = await professional(server, 'Élodie', 'Le Gall');
    first = machine(server, 'first');
    second = machine(server, 'second');
    passphrase = secretFile(server, 'backup-passphrase', PASSPHRASE);
    const login = await signIn(server, first, pro);
    expect(login.status, login.stderr).toBe(0);
  }, SETUP);
  afterAll(() => server?.stop());

  async function show(m: Machine): Promise<ShowJson> {
    const run = await m.run('keys show --home {home} --json');
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as ShowJson;
  }

  it('init registers the first device, makes certified keys and keeps them in a private keystore', async () => {
    const init = await first.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(init.stderr).not.toMatch(/^[A-Z_]+:/m);
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/^signing certificate [0-9a-f]+ for /m);
    expect(init.stdout).toMatch(/^encryption certificate [0-9a-f]+ for /m);
    expect(init.stdout).toContain('Key backup saved on the server (version 1)');

    expect(statSync(first.home).mode & 0o777).toBe(0o700);
    expect(statSync(join(first.home, 'keys')).mode & 0o777).toBe(0o700);
    const state = JSON.parse(readFileSync(join(first.home, 'keystore.json'), 'utf8')) as {
      server: string;
      device: { status: string };
      keys: Array<{ keyFile: string; certFile: string; usage: string }>;
    };
    expect(state.server).toBe(server.url);
    expect(state.device.status).toBe('active');
    expect(state.keys.map((k) => k.usage).sort()).toEqual(['encryption', 'signing']);
    const files = ['keystore.json', 'ca.pem', ...state.keys.flatMap((k) => [k.keyFile, k.certFile])];
    for (const f of files) expect(statSync(join(first.home, f)).mode & 0o777, f).toBe(0o600);
    expect(readFileSync(join(first.home, state.keys[0]!.keyFile), 'utf8')).toMatch(
      /^-----BEGIN PRIVATE KEY-----/,
    );

    // The certificates chain to the instance CA and name the personal mailbox.
    for (const k of state.keys) {
      const verify = openssl(`verify -CAfile ${join(first.home, 'ca.pem')} ${join(first.home, k.certFile)}`);
      expect(verify.status, verify.stderr).toBe(0);
    }
    const shown = await show(first);
    expect(shown.certificates.map((c) => c.usage).sort()).toEqual(['encryption', 'signing']);
    for (const c of shown.certificates) {
      expect(c).toMatchObject({ state: 'active', inKeystore: true, emails: [pro.address] });
      expect(new Date(c.notAfter).getTime()).toBeGreaterThan(Date.now());
    }

    // A second init on the same keystore is refused: the keys are there already.
    const again = await first.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('KEYS_EXIST');
  });

  it('refuses a keystore other users can read', async () => {
    const stateFile = join(first.home, 'keystore.json');
    chmodSync(stateFile, 0o644);
    const openFile = await first.run('keys show --home {home} --offline');
    chmodSync(stateFile, 0o600);
    expect(openFile.status).toBe(1);
    expect(openFile.stderr).toContain(`KEYSTORE_INSECURE: ${stateFile} is open to other users (mode 0644)`);
    expect(openFile.stderr).toContain(`chmod 600 ${stateFile}`);

    chmodSync(first.home, 0o755);
    const openDir = await first.run(`smime sign --home {home} --in ${stateFile} --out ${file('never')}`);
    chmodSync(first.home, 0o700);
    expect(openDir.status).toBe(1);
    expect(openDir.stderr).toContain(`KEYSTORE_INSECURE: ${first.home} is open to other users (mode 0755)`);
  });

  it('a second machine registers as a pending device: exit 3 with an approval code', async () => {
    const login = await signIn(server, second, pro);
    expect(login.status, login.stderr).toBe(0);

    const init = await second.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(init.status, init.stderr).toBe(3);
    expect(init.stderr).toContain('DEVICE_NOT_APPROVED');
    const code = /Approval code: (\d{3} \d{3})/.exec(init.stdout)?.[1];
    expect(code, init.stdout).toBeDefined();
    // The person already has keys, so the way on is a restore.
    expect(init.stdout).toContain('then run `liaison keys restore` here');

    const pending = await second.run(`keys restore --home {home} --passphrase-file ${passphrase}`);
    expect(pending.status).toBe(3);
    expect(pending.stderr).toContain('DEVICE_NOT_APPROVED');
    expect(pending.stdout).toContain(`Approval code: ${code}`);
    approvalCode = code!;
  });

  it('the first machine approves it by code, then the passphrase restores the keys there', async () => {
    // Approving needs an enrolled device: the first machine's session is bound to one.
    const approve = await first.run(['keys', 'devices', 'approve', approvalCode, '--home', first.home]);
    expect(approve.status, approve.stderr).toBe(0);
    expect(approve.stdout).toMatch(/^approved device /);

    const wrongFile = secretFile(server, 'wrong-passphrase', 'not the right passphrase');
    const wrong = await second.run(`keys restore --home {home} --passphrase-file ${wrongFile}`);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('BACKUP_WRONG_PASSPHRASE: Wrong passphrase');

    // The passphrase typed on standard input this time.
    const restore = await second.run('keys restore --home {home}', `${PASSPHRASE}\n`);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('Restored 2 key(s) from backup version 1');

    const mine = await show(first);
    const theirs = await show(second);
    expect(theirs.certificates).toEqual(mine.certificates);
    expect(theirs.device?.status).toBe('active');
    expect(statSync(second.home).mode & 0o777).toBe(0o700);

    const devices = await first.run('keys devices list --json --home {home}');
    expect(devices.status, devices.stderr).toBe(0);
    const list = JSON.parse(devices.stdout) as Array<{ id: string; status: string; current: boolean }>;
    expect(list.map((d) => d.status)).toEqual(['active', 'active']);
    expect(list.find((d) => d.current)?.id).toBe(mine.device?.id);
  });

  it('exports a key as passphrase-protected PKCS#8 that OpenSSL opens with the passphrase only', async () => {
    const exportPassphrase = secretFile(server, 'export-passphrase', EXPORT_PASSPHRASE);
    const out = file('encryption-key.pem');
    const run = await first.run(
      `keys export --home {home} --usage encryption --out ${out} --passphrase-file ${exportPassphrase}`,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const pem = readFileSync(out, 'utf8');
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(pem).toContain('-----BEGIN CERTIFICATE-----');

    // `-passin pass:…` splits badly on spaces: give OpenSSL the passphrase file instead.
    const opened = openssl(`pkey -in ${out} -passin file:${exportPassphrase} -pubout`);
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toBe(openssl(`x509 -in ${out} -noout -pubkey`).stdout);
    expect(openssl(`pkey -in ${out} -passin pass:wrong -noout`).status).not.toBe(0);
    expect(openssl(`pkey -in ${out} -passin pass: -noout`).status).not.toBe(0);
    const params = openssl(`asn1parse -in ${out}`).stdout;
    expect(params).toContain(':PBES2');
    expect(params).toContain(':hmacWithSHA256');
    expect(params).toContain(':aes-256-cbc');
    expect(params).toMatch(/INTEGER\s+:0927C0/); // 600,000 PBKDF2 iterations

    // Never over an existing file without --force; --unencrypted writes the clear key.
    const again = await first.run(`keys export --home {home} --usage signing --out ${out} --unencrypted`);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('FILE_EXISTS');
    const clear = file('signing-key.pem');
    const certOut = file('signing-cert.pem');
    const plain = await first.run(
      `keys export --home {home} --usage signing --out ${clear} --cert-out ${certOut} --unencrypted`,
    );
    expect(plain.status, plain.stderr).toBe(0);
    expect(readFileSync(clear, 'utf8')).toMatch(
      /^-----BEGIN PRIVATE KEY-----[^]*-----END PRIVATE KEY-----\n$/,
    );
    expect(openssl(`pkey -in ${clear} -noout`).status).toBe(0);
    expect(readFileSync(certOut, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('the backup on the server is a PKCS#12 OpenSSL opens with the passphrase', async () => {
    const session = JSON.parse(
      readFileSync(join(first.env.XDG_CONFIG_HOME!, 'liaison', 'session.json'), 'utf8'),
    ) as { token: string };
    const res = await fetch(`${server.url}/api/keys/backup`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(res.status).toBe(200);
    const p12 = file('backup.p12');
    writeFileSync(p12, Buffer.from(((await res.json()) as { backup: string }).backup, 'base64'));
    const ok = openssl(`pkcs12 -in ${p12} -passin file:${passphrase} -nodes -noout`);
    expect(ok.status, ok.stderr).toBe(0);
    expect(openssl(`pkcs12 -in ${p12} -passin pass:wrong -nodes -noout`).status).not.toBe(0);
  });

  it('a new login is bound to the keystore’s device only when it is told the keystore', async () => {
    const deviceId = (await show(second)).device!.id;
    // Signed in without the keystore (no X-Liaison-Device): the session is not this device's.
    const unbound = await second.run(
      ['login', '--server', server.url, '--email', pro.email, '--totp', await pro.factor.next()],
      `${PASSWORD}\n`,
    );
    expect(unbound.status, unbound.stderr).toBe(0);
    const refused = await second.run(`keys backup --home {home} --passphrase-file ${passphrase}`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('SESSION_NOT_BOUND');
    expect(refused.stderr).toContain(`liaison login --server ${server.url} --home ${second.home}`);

    const bound = await signIn(server, second, pro);
    expect(bound.status, bound.stderr).toBe(0);
    expect(bound.stdout).toContain('bound to this keystore’s device');
    const devices = await second.run('keys devices list --json --home {home}');
    const list = JSON.parse(devices.stdout) as Array<{ id: string; current: boolean }>;
    expect(list.find((d) => d.current)?.id).toBe(deviceId);
  });

  it('re-uploads the backup with a new passphrase, and revoking a device ends its session', async () => {
    const newPassphrase = secretFile(server, 'new-passphrase', 'a brand new backup passphrase');
    const backup = await second.run(`keys backup --home {home} --passphrase-file ${newPassphrase}`);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Key backup saved on the server (version 2, 2 key(s))');
    const short = secretFile(server, 'short-passphrase', 'too short');
    const refused = await second.run(`keys backup --home {home} --passphrase-file ${short}`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('PASSPHRASE_TOO_SHORT');

    const revoke = await first.run(['keys', 'devices', 'revoke', (await show(second)).device!.id]);
    expect(revoke.status, revoke.stderr).toBe(0);
    const after = await second.run('keys devices --home {home}');
    expect(after.status).toBe(1);
    expect(after.stderr).toMatch(/^(NOT_AUTHENTICATED|SESSION_EXPIRED): /);
  });
});
