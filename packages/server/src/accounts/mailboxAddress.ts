import type { Reader, Tx } from '../db/index.ts';
import { addMembership } from '../mailboxes/store.ts';

/** "Élodie Le Gall-Durand" → "elodie.le-gall-durand": ASCII, lowercase, dots between names. */
export function localPartFor(firstName: string, lastName: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/['’\s]+/g, '-')
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
  return [clean(firstName), clean(lastName)].filter(Boolean).join('.') || 'utilisateur';
}

/** First free address among name@domain, name2@domain, name3@domain… */
export async function freeAddress(db: Reader, localPart: string, domain: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom('mailboxes')
        .select('address')
        .where('address', 'like', `${localPart}%@${domain}`)
        .execute()
    ).map((r) => r.address),
  );
  for (let n = 1; ; n++) {
    const candidate = `${localPart}${n === 1 ? '' : n}@${domain}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A verified person's personal (PER) mailbox: it is what colleagues write to. Returns its id. */
export async function createPersonalMailbox(
  tx: Tx,
  user: { id: string; first_name: string; last_name: string },
  organisationId: string | null,
  domain: string,
  now: string,
): Promise<string> {
  const address = await freeAddress(tx.db, localPartFor(user.first_name, user.last_name), domain);
  const id = crypto.randomUUID();
  await tx.db
    .insertInto('mailboxes')
    .values({
      id,
      address,
      kind: 'PER',
      organisation_id: organisationId,
      accepts_attachments: 1,
      created_at: now,
    })
    .execute();
  await addMembership(tx, id, user.id, 'owner', now);
  return id;
}
