import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * MACs over the chain head and checkpoints, keyed from the instance secret. Someone with write access
 * to the database but not the secret can rewrite events and recompute their hashes, but cannot sign the
 * head or a checkpoint that vouches for the rewrite. The "head:" and "checkpoint:" prefixes keep a
 * head MAC from being replayed as a checkpoint MAC and the reverse.
 */
export class AuditSigner {
  private readonly key: Buffer;

  constructor(instanceSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', instanceSecret, '', 'liaison audit v1', 32));
  }

  headMac(seq: number, hash: string): string {
    return this.mac(`head:${seq}:${hash}`);
  }

  checkpointMac(seq: number, hash: string, at: string): string {
    return this.mac(`checkpoint:${seq}:${hash}:${at}`);
  }

  headMacValid(seq: number, hash: string, mac: string): boolean {
    return sameHex(this.headMac(seq, hash), mac);
  }

  checkpointMacValid(seq: number, hash: string, at: string, mac: string): boolean {
    return sameHex(this.checkpointMac(seq, hash, at), mac);
  }

  private mac(message: string): string {
    return createHmac('sha256', this.key).update(message, 'utf8').digest('hex');
  }
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
