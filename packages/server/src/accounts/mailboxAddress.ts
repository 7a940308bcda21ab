import type { Reader } from '../db/index.ts';

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
