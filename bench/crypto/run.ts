/**
 * Crypto benchmark: sign+encrypt and decrypt+verify of a 20 KB letter for 1, 3 and 50 recipients (plus
 * the sender's own copy), Liaison's core against `openssl cms` on the same machine in the same run.
 *
 *   npx tsx bench/crypto/run.ts [--seconds 2] [--markdown]
 *
 * OpenSSL runs as separate processes (sign | encrypt, decrypt | verify), the way scripts and gateways
 * use it, so its figures include process start-up. The core runs in-process on WebCrypto (Node's
 * OpenSSL underneath), with non-extractable keys as a device holds them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decryptThenVerify,
  importDecryptionKeys,
  importSigningKey,
  signThenEncrypt,
  type TrustPolicy,
} from '../../packages/core/src/crypto/index.ts';
import {
  createIdentity,
  createRecipient,
  createTestCa,
  letter,
  type TestKey,
} from '../../packages/core/test/crypto/helpers/pki.ts';

const args = process.argv.slice(2);
const secondsFlag = args.indexOf('--seconds');
const seconds = secondsFlag >= 0 ? Number(args[secondsFlag + 1]) || 2 : 2;
const markdown = args.includes('--markdown');
const RECIPIENT_COUNTS = [1, 3, 50];
/** Distinct RSA keys behind the 50 certificates (key generation is slow; each certificate still
 * gets its own RecipientInfo and RSA-OAEP operation). */
const KEY_POOL = 5;

function run(command: string[], input?: Uint8Array): Buffer {
  const result = spawnSync(command[0]!, command.slice(1), { input, maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}

async function measure(operation: () => unknown): Promise<number> {
  await operation(); // warm-up
  let count = 0;
  const start = performance.now();
  const budget = seconds * 1000;
  while (performance.now() - start < budget || count < 3) {
    await operation();
    count++;
  }
  return (count * 1000) / (performance.now() - start);
}

function machine(): { cpus: number; model: string; node: string; openssl: string; load: string } {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpus: availableParallelism(),
    model: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    openssl: run(['openssl', 'version']).toString().trim(),
    load: loadavg()[0]!.toFixed(1),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  try {
    const file = (name: string, content?: string | Uint8Array) => {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    };
    const content = letter(20 * 1024);
    const ca = await createTestCa('Bench');
    const sender = await createIdentity(ca, {
      commonName: 'Dr Alice Martin',
      email: 'alice@liaison.test',
      serialNumber: '810001234567',
    });
    const pool: TestKey[] = await Promise.all(
      Array.from({ length: KEY_POOL }, (_, i) =>
        createRecipient(ca, {
          commonName: `Dr Destinataire ${i}`,
          email: `dest${i}@liaison.test`,
          serialNumber: `81000000${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    const certificates: string[] = [];
    for (let i = 0; i < Math.max(...RECIPIENT_COUNTS); i++) {
      const key = pool[i % KEY_POOL]!;
      certificates.push(
        i < KEY_POOL ? key.certificatePem : await ca.issue({ csrPem: key.csrPem, usage: 'encryption' }),
      );
    }
    const reader = pool[0]!;
    const trust: TrustPolicy = { caCertificatesPem: [ca.chainPem] };
    const signer = {
      privateKey: await importSigningKey(sender.signing.pkcs8),
      certificatePem: sender.signing.certificatePem,
    };
    const readerKeys = await importDecryptionKeys(reader.pkcs8);

    const paths = {
      content: file('letter.eml', content),
      chain: file('chain.pem', ca.chainPem),
      signer: file('signer.pem', sender.signing.certificatePem),
      signerKey: file('signer.key', sender.signing.pkcs8Pem),
      senderCopy: file('sender-enc.pem', sender.encryption.certificatePem),
      reader: file('reader.pem', reader.certificatePem),
      readerKey: file('reader.key', reader.pkcs8Pem),
    };
    const certFiles = certificates.map((pem, i) => file(`recipient-${i}.pem`, pem));

    const info = machine();
    console.log(
      `crypto bench: ${info.cpus} CPU (${info.model}), load ${info.load}, Node ${info.node}, ${info.openssl}, 20 KB letter, ${seconds}s per figure`,
    );
    const spawnRate = await measure(() => run(['openssl', 'version']));
    console.log(`(for scale: starting \`openssl version\` alone runs ${spawnRate.toFixed(1)} times/s here)`);
    const rows: string[] = [];
    for (const count of RECIPIENT_COUNTS) {
      const recipients = [...certificates.slice(0, count), sender.encryption.certificatePem];
      const recipientArgs = [...certFiles.slice(0, count), paths.senderCopy].flatMap((path) => [
        '-recip',
        path,
        '-keyopt',
        'rsa_padding_mode:oaep',
        '-keyopt',
        'rsa_oaep_md:sha256',
      ]);
      const opensslSignEncrypt = () => {
        const signed = run([
          'openssl',
          'cms',
          '-sign',
          '-nodetach',
          '-in',
          paths.content,
          '-signer',
          paths.signer,
          '-inkey',
          paths.signerKey,
        ]);
        return run(['openssl', 'cms', '-encrypt', '-aes256', ...recipientArgs], signed);
      };
      const message = await signThenEncrypt({ content, signer, recipients });
      const messagePath = file(`message-${count}.eml`, message);
      const opensslDecryptVerify = () => {
        const inner = run([
          'openssl',
          'cms',
          '-decrypt',
          '-in',
          messagePath,
          '-recip',
          paths.reader,
          '-inkey',
          paths.readerKey,
        ]);
        return run(['openssl', 'cms', '-verify', '-CAfile', paths.chain], inner);
      };
      // Both sides must read what the other wrote before we time anything.
      const check = opensslDecryptVerify();
      if (!check.equals(Buffer.from(content))) throw new Error('openssl did not read the core message');
      const fromOpenssl = opensslSignEncrypt();
      const back = await decryptThenVerify({
        message: fromOpenssl,
        recipient: { certificatePem: reader.certificatePem, keys: readerKeys },
        trust,
      });
      if (!Buffer.from(back.content).equals(Buffer.from(content)))
        throw new Error('the core did not read the openssl message');

      const cases = [
        {
          name: 'sign+encrypt',
          core: () => signThenEncrypt({ content, signer, recipients }),
          openssl: opensslSignEncrypt,
        },
        {
          name: 'decrypt+verify',
          core: () =>
            decryptThenVerify({
              message,
              recipient: { certificatePem: reader.certificatePem, keys: readerKeys },
              trust,
            }),
          openssl: opensslDecryptVerify,
        },
      ];
      for (const c of cases) {
        const core = await measure(c.core);
        const openssl = await measure(c.openssl);
        const label = `${c.name.padEnd(14)} ${String(count).padStart(2)} recipient(s) + sender`;
        console.log(
          `${label}  core ${core.toFixed(1).padStart(7)} op/s  openssl cms ${openssl.toFixed(1).padStart(7)} op/s  core/openssl ${(core / openssl).toFixed(2)}x`,
        );
        rows.push(
          `| ${c.name} | ${count} + sender | ${core.toFixed(1)} | ${openssl.toFixed(1)} | ${(core / openssl).toFixed(2)}× |`,
        );
      }
    }
    if (markdown) {
      console.log('\n| operation (20 KB) | recipients | core op/s | openssl cms op/s | core/openssl |');
      console.log('| --- | --- | ---: | ---: | ---: |');
      for (const row of rows) console.log(row);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
