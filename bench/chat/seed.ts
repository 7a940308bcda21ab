/**
 * Seeds the chat benchmark straight through the server's own code (its migrations, stores and PKI;
 * no HTTP, no TOTP): verified professionals with an RPPS number, each with an enrolled device, a
 * bearer token and an active personal encryption certificate, then groups of `groupSize` created by
 * the chat service (which checks every member is eligible, as the route would).
 *
 * Key generation: one RSA key pair serves every user. The instance CA certifies a public key, not a
 * person's exclusive ownership of it (it checks the CSR's proof of possession and that the subject
 * is the caller's verified identity), so each user still gets their own certificate and serial — the
 * thing the server checks envelopes against — without 1,000 RSA key generations (minutes of CPU).
 * The server cannot tell: what it stores and checks per message is identical.
 */
import {
  createCsr,
  generateEncryptionKeyPair,
  type WebCryptoKeyPair,
} from '../../packages/core/src/crypto/index.ts';
import { mulberry32, randomPerson, randomRpps } from '../../packages/core/src/synthetic/index.ts';
import { createPersonalMailbox } from '../../packages/server/src/accounts/mailboxAddress.ts';
import { actorFor, insertUser } from '../../packages/server/src/accounts/userStore.ts';
import { hashPassword } from '../../packages/server/src/auth/passwords.ts';
import type { Config } from '../../packages/server/src/config/config.ts';
import { createContext, type AppContext } from '../../packages/server/src/context.ts';

export interface SeededUser {
  userId: string;
  token: string;
  encryptionCertificatePem: string;
}

export interface SeededGroup {
  conversationId: string;
  /** Indexes into `users`. */
  members: number[];
}

export interface Seeded {
  users: SeededUser[];
  groups: SeededGroup[];
  seconds: number;
}

/** Users are made this many at a time: enough to keep PostgreSQL busy, few enough to stay polite. */
const PARALLEL = 8;

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function seedUser(
  ctx: AppContext,
  i: number,
  identity: { firstName: string; lastName: string; rpps: string },
  passwordHash: string,
  keys: WebCryptoKeyPair,
): Promise<SeededUser> {
  const now = new Date().toISOString();
  const deviceId = crypto.randomUUID();
  const userId = await ctx.db.transaction(async (tx) => {
    const id = await insertUser(
      tx,
      {
        email: `chat${i}@bench.test`,
        firstName: identity.firstName,
        lastName: identity.lastName,
        status: 'active',
        passwordHash,
        role: 'professional',
        nationalIdKind: 'rpps',
        nationalId: identity.rpps,
        profession: '10',
        specialty: 'SM54',
      },
      now,
    );
    await createPersonalMailbox(
      tx,
      { id, first_name: identity.firstName, last_name: identity.lastName },
      null,
      ctx.config.mailDomain,
      now,
    );
    await tx.db
      .insertInto('devices')
      .values({
        id: deviceId,
        user_id: id,
        name: 'bench',
        kind: 'cli',
        status: 'active',
        token_hash: crypto.randomUUID(),
        code_hash: null,
        code_expires_at: null,
        created_at: now,
        approved_at: now,
        approved_by: id,
        revoked_at: null,
        last_seen_at: null,
      })
      .execute();
    return id;
  });
  const token = await ctx.sessions.create(userId, 'full', 'bearer', deviceId);
  const actor = await actorFor(ctx.db.read, userId);
  const expected = await ctx.pki.expectedSubject(actor, 'encryption');
  const csrPem = await createCsr({
    keyPair: keys,
    usage: 'encryption',
    subject: {
      commonName: expected.commonName,
      serialNumber: expected.serialNumber ?? undefined,
      email: expected.emails[0]!,
    },
  });
  const certificate = await ctx.pki.issue(actor, { usage: 'encryption', csrPem });
  return { userId, token, encryptionCertificatePem: certificate.certificatePem };
}

export async function seed(config: Config, counts: { users: number; groupSize: number }): Promise<Seeded> {
  const started = performance.now();
  const ctx = await createContext(config);
  try {
    await ctx.pki.ensureAuthority();
    // One Argon2id hash for all: nobody signs in with a password here, sessions are made directly.
    const passwordHash = await hashPassword('bench password 2026');
    const keys = await generateEncryptionKeyPair();
    const rng = mulberry32(8);
    const rppsTaken = new Set<string>();
    const identities = Array.from({ length: counts.users }, () => {
      const person = randomPerson(rng);
      let rpps = randomRpps(rng);
      while (rppsTaken.has(rpps)) rpps = randomRpps(rng);
      rppsTaken.add(rpps);
      return { firstName: person.firstName, lastName: person.surname, rpps };
    });
    const users = new Array<SeededUser>(counts.users);
    await inParallel(counts.users, async (i) => {
      users[i] = await seedUser(ctx, i, identities[i]!, passwordHash, keys);
    });

    const groups: SeededGroup[] = [];
    for (let start = 0; start + counts.groupSize <= counts.users; start += counts.groupSize) {
      const members = Array.from({ length: counts.groupSize }, (_, k) => start + k);
      const { conversation } = await ctx.chat.create(
        { userId: users[start]!.userId, deviceId: null },
        {
          kind: 'group',
          name: `Équipe ${groups.length + 1}`,
          // The creator is added as admin; memberIds names the others.
          memberIds: members.slice(1).map((m) => users[m]!.userId),
        },
      );
      groups.push({ conversationId: conversation.id, members });
    }
    return { users, groups, seconds: (performance.now() - started) / 1000 };
  } finally {
    await ctx.close();
  }
}
