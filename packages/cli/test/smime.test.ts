/**
 * `liaison smime` against OpenSSL 3, with keys made by `liaison keys init` on a real server: what the
 * CLI signs and encrypts, `openssl cms` verifies and decrypts; what `openssl cms` encrypts (RSA-OAEP
 * with SHA-1 or SHA-256) and signs, the CLI decrypts and verifies. Errors print the core's code.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  machine,
  professional,
  secretFile,
  signIn,
  startServer,
  type Machine,
  type Professional,
  type TestServer,
} from './support/liaison.ts';

// A MIME entity in canonical form (CRLF), as S/MIME signs and encrypts it.
const LETTER =
  'Content-Type: text/plain; charset=utf-8\r\n\r\n' +
  'Cher confrère, je vous adresse Mme D. pour avis cardiologique.\r\n****FIN****\r\n';

/** Runs `openssl` (arguments split on spaces; temporary paths have none) and expects success. */
function openssl(command: string) {
  const run = spawnSync('openssl', command.split(' '), { encoding: 'utf8' });
  expect(run.status, `openssl ${command}\n${run.stderr}`).toBe(0);
  return run;
}

// Each step spawns the real binary (about a second of start-up each) and RSA/PBKDF2 work: generous
// limits for a loaded 2-core machine; timing is for bench/, never an assertion here.
const SETUP = 180_000;
const SLOW = 120_000;

describe('liaison smime', { timeout: SLOW }, () => {
  let server: TestServer;
  let pro: Professional;
  let colleague: Professional;
  let me: Machine;
  let colleagueMachine: Machine;
  let dir: string;
  const file = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(file(name), 'utf8');

  async function initKeys(person: Professional, m: Machine): Promise<void> {
    const login = await signIn(server, m, person);
    expect(login.status, login.stderr).toBe(0);
    const passphrase = secretFile(server, `passphrase-${person.userId}`, 'a passphrase for the key backup');
    const init = await m.run(`keys init --home {home} --passphrase-file ${passphrase}`);
    expect(init.status, init.stderr).toBe(0);
  }

  beforeAll(async () => {
    server = await startServer('smime');
    dir = server.dir;
    me = machine(server, 'me');
    colleagueMachine = machine(server, 'colleague');
    // Two people, set up side by side: the sender and a colleague to write to.
    [pro, colleague] = await Promise.all([
      professional(server, 'Luc', 'Martin').then(async (p) => (await initKeys(p, me), p)),
      professional(server, 'Anne', 'Durand').then(async (p) => (await initKeys(p, colleagueMachine), p)),
    ]);
    writeFileSync(file('letter.txt'), LETTER);
    writeFileSync(file('chain.pem'), await (await fetch(`${server.url}/pki/ca.pem`)).text());
    // The keystore keeps keys as plain PKCS#8 PEM files, like ssh keys: OpenSSL reads them as they are.
    const state = JSON.parse(readFileSync(join(me.home, 'keystore.json'), 'utf8')) as {
      keys: Array<{ usage: string; keyFile: string; certFile: string }>;
    };
    for (const k of state.keys) {
      copyFileSync(join(me.home, k.keyFile), file(`${k.usage}-key.pem`));
      copyFileSync(join(me.home, k.certFile), file(`${k.usage}-cert.pem`));
    }
    // Another authority, with nothing to do with this instance.
    openssl(
      `req -x509 -newkey rsa:2048 -nodes -subj /CN=Other -days 2 -keyout ${file('other.key')} -out ${file('other.pem')}`,
    );
  }, SETUP);
  afterAll(() => server?.stop());

  it('signs what `openssl cms -verify -CAfile chain.pem` accepts, as S/MIME and as DER', async () => {
    const sign = await me.run(
      `smime sign --home {home} --in ${file('letter.txt')} --out ${file('signed.p7m')}`,
    );
    expect(sign.status, sign.stderr).toBe(0);
    expect(read('signed.p7m')).toContain('Content-Type: application/pkcs7-mime; smime-type=signed-data');
    openssl(
      `cms -verify -CAfile ${file('chain.pem')} -in ${file('signed.p7m')} -out ${file('verified.txt')}`,
    );
    expect(read('verified.txt')).toBe(LETTER);

    const der = await me.run(
      `smime sign --home {home} --der --in ${file('letter.txt')} --out ${file('signed.der')}`,
    );
    expect(der.status, der.stderr).toBe(0);
    openssl(
      `cms -verify -CAfile ${file('chain.pem')} -inform DER -in ${file('signed.der')} -out ${file('v-der.txt')}`,
    );
    expect(read('v-der.txt')).toBe(LETTER);

    // The CLI verifies it too: chain kept in the keystore, revocation asked of the server.
    const verify = await me.run(
      `smime verify --home {home} --json --in ${file('signed.p7m')} --out ${file('v.txt')}`,
    );
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      signer: { commonName: 'Luc MARTIN', emails: [pro.address] },
      revocationChecked: true,
    });
    expect(read('v.txt')).toBe(LETTER);
  });

  it('verifies `openssl cms -sign` output and refuses a tampered one or a foreign CA', async () => {
    openssl(
      `cms -sign -nodetach -binary -md sha256 -in ${file('letter.txt')} -out ${file('ossl-signed.p7m')} ` +
        `-signer ${file('signing-cert.pem')} -inkey ${file('signing-key.pem')}`,
    );
    const ok = await me.run(
      `smime verify --home {home} --in ${file('ossl-signed.p7m')} --out ${file('ossl.txt')}`,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^signature verified: Luc MARTIN/);
    expect(read('ossl.txt')).toBe(LETTER);

    // One byte of the signed content changed.
    const der = readFileSync(file('signed.der'));
    der[der.indexOf(Buffer.from('avis cardiologique'))] = 'A'.charCodeAt(0);
    writeFileSync(file('tampered.der'), der);
    const tampered = await me.run(
      `smime verify --home {home} --in ${file('tampered.der')} --out ${file('t.txt')}`,
    );
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/^SIGNATURE_INVALID: /);

    const foreign = await me.run(
      `smime verify --home {home} --ca ${file('other.pem')} --in ${file('signed.p7m')} --out ${file('f.txt')}`,
    );
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toMatch(/^CERT_UNTRUSTED: /);
  });

  it('decrypts `openssl cms -encrypt -aes256 -keyopt rsa_padding_mode:oaep`, SHA-1 and SHA-256 OAEP', async () => {
    const cert = file('encryption-cert.pem');
    openssl(
      `cms -encrypt -aes256 -in ${file('letter.txt')} -out ${file('ossl.p7m')} ` +
        `-recip ${cert} -keyopt rsa_padding_mode:oaep`,
    );
    const sha1 = await me.run(`smime decrypt --home {home} --in ${file('ossl.p7m')} --out ${file('d1.txt')}`);
    expect(sha1.status, sha1.stderr).toBe(0);
    expect(read('d1.txt')).toBe(LETTER);

    openssl(
      `cms -encrypt -aes256 -binary -outform DER -in ${file('letter.txt')} -out ${file('ossl256.der')} ` +
        `-recip ${cert} -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256`,
    );
    const sha256 = await me.run(
      `smime decrypt --home {home} --in ${file('ossl256.der')} --out ${file('d2.txt')}`,
    );
    expect(sha256.status, sha256.stderr).toBe(0);
    expect(read('d2.txt')).toBe(LETTER);

    // Encrypted for someone else only: the core's code, exit 1.
    openssl(
      `cms -encrypt -aes256 -in ${file('letter.txt')} -out ${file('other.p7m')} ` +
        `-recip ${file('other.pem')} -keyopt rsa_padding_mode:oaep`,
    );
    const notMine = await me.run(
      `smime decrypt --home {home} --in ${file('other.p7m')} --out ${file('d3.txt')}`,
    );
    expect(notMine.status).toBe(1);
    expect(notMine.stderr).toMatch(/^NOT_A_RECIPIENT: /);
  });

  it('encrypts to a mailbox looked up on the server (and to oneself) for `openssl cms -decrypt`', async () => {
    const decrypt = (input: string, out: string) =>
      openssl(
        `cms -decrypt -in ${file(input)} -recip ${file('encryption-cert.pem')} ` +
          `-inkey ${file('encryption-key.pem')} -out ${file(out)}`,
      );
    const enc = await me.run(
      `smime encrypt --home {home} --to ${pro.address} --in ${file('letter.txt')} --out ${file('to-me.p7m')}`,
    );
    expect(enc.status, enc.stderr).toBe(0);
    expect(enc.stdout).toContain('encrypted for 1 certificate(s)');
    decrypt('to-me.p7m', 'from-cli.txt');
    expect(read('from-cli.txt')).toBe(LETTER);

    // Sign-then-encrypt, as Liaison sends mail: OpenSSL decrypts, then verifies the inner layer.
    const both = await me.run(
      `smime encrypt --home {home} --sign --to ${pro.address} --in ${file('letter.txt')} --out ${file('se.p7m')}`,
    );
    expect(both.status, both.stderr).toBe(0);
    decrypt('se.p7m', 'inner.p7m');
    openssl(`cms -verify -CAfile ${file('chain.pem')} -in ${file('inner.p7m')} -out ${file('inner.txt')}`);
    expect(read('inner.txt')).toBe(LETTER);

    const unknown = await me.run(
      `smime encrypt --home {home} --to nobody@liaison.test --in ${file('letter.txt')} --out ${file('x.p7m')}`,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^MAILBOX_NOT_FOUND: /);
  });

  it('encrypts to a colleague and to oneself: both decrypt and verify with the CLI', async () => {
    const enc = await me.run(
      `smime encrypt --home {home} --sign --to ${colleague.address} ` +
        `--in ${file('letter.txt')} --out ${file('to-anne.p7m')}`,
    );
    expect(enc.status, enc.stderr).toBe(0);
    expect(enc.stdout).toContain('encrypted for 2 certificate(s)');
    for (const [who, m] of [
      ['colleague', colleagueMachine],
      ['sender', me],
    ] as const) {
      const dec = await m.run(
        `smime decrypt --home {home} --in ${file('to-anne.p7m')} --out ${file(`${who}.p7m`)}`,
      );
      expect(dec.status, dec.stderr).toBe(0);
      const ver = await m.run(
        `smime verify --home {home} --in ${file(`${who}.p7m`)} --out ${file(`${who}.txt`)}`,
      );
      expect(ver.status, ver.stderr).toBe(0);
      expect(ver.stdout).toContain('Luc MARTIN');
      expect(read(`${who}.txt`)).toBe(LETTER);
    }
  });
});
