/**
 * Seeds a benchmark instance through the real services (no HTTP, no TOTP): verified professionals,
 * each with an enrolled device, a bearer token, and signing + encryption certificates issued by the
 * instance CA for keys made here. Returns what the load generator needs; the database is then closed
 * and the server process opens it.
 */
import {
  createCsr,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  type WebCryptoKeyPair,
} from '../../packages/core/src/crypto/index.ts';
import { CONSOLE_ACTOR } from '../../packages/server/src/auth/actor.ts';
import { actorFor } from '../../packages/server/src/accounts/userStore.ts';
import type { Config } from '../../packages/server/src/config/config.ts';
import { createContext } from '../../packages/server/src/context.ts';

export interface BenchUser {
  userId: string;
  address: string;
  token: string;
  signing: WebCryptoKeyPair;
  signingCertificatePem: string;
  encryptionCertificatePem: string;
}

export async function seedUsers(config: Config, count: number): Promise<BenchUser[]> {
  const ctx = await createContext(config);
  try {
    await ctx.pki.ensureAuthority();
    const users: BenchUser[] = [];
    // Accounts made at the console have accepted no charter; sending waits until they do.
    const charterVersion = (await ctx.charter.current('fr')).version;
    for (let i = 0; i < count; i++) {
      const userId = await ctx.users.create(CONSOLE_ACTOR, {
        email: `bench${i}@bench.test`,
        password: 'bench password 2026',
        firstName: `Prénom${i}`,
        lastName: `Nom${i}`,
        role: 'professional',
      });
      await ctx.charter.accept(userId, charterVersion);
      const deviceId = crypto.randomUUID();
      await ctx.db.transaction((tx) =>
        tx.db
          .insertInto('devices')
          .values({
            id: deviceId,
            user_id: userId,
            name: 'bench',
            kind: 'cli',
            status: 'active',
            token_hash: crypto.randomUUID(),
            code_hash: null,
            code_expires_at: null,
            created_at: new Date().toISOString(),
            approved_at: new Date().toISOString(),
            approved_by: userId,
            revoked_at: null,
            last_seen_at: null,
          })
          .execute(),
      );
      const token = await ctx.sessions.create(userId, 'full', 'bearer', deviceId);
      const actor = await actorFor(ctx.db.read, userId);
      const [signing, encryption] = await Promise.all([
        generateSigningKeyPair(),
        generateEncryptionKeyPair(),
      ]);
      const certify = async (keys: WebCryptoKeyPair, usage: 'signing' | 'encryption') => {
        const expected = await ctx.pki.expectedSubject(actor, usage);
        const csrPem = await createCsr({
          keyPair: keys,
          usage,
          subject: {
            commonName: expected.commonName,
            serialNumber: expected.serialNumber ?? undefined,
            email: expected.emails[0]!,
          },
        });
        return (await ctx.pki.issue(actor, { usage, csrPem })).certificatePem;
      };
      const mailbox = (await ctx.mailboxes.listMine(actor))[0]!;
      users.push({
        userId,
        address: mailbox.address,
        token,
        signing,
        signingCertificatePem: await certify(signing, 'signing'),
        encryptionCertificatePem: await certify(encryption, 'encryption'),
      });
    }
    return users;
  } finally {
    await ctx.close();
  }
}
