/**
 * Mailboxes of the synthetic platform: a personal (PER) one for every professional and secretary, named
 * as the server names them (first.last, then first.last2…); service (ORG) mailboxes shared by several
 * people in establishments, nursing homes, labs and practices; and applicative (APP) ones for the
 * robots. Each gets how much it sends and receives compared with its peers: a long tail, as real use has.
 */
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';
import { localPartFor } from '../../packages/server/src/accounts/mailboxAddress.ts';
import { activity, between, seededUuid } from './sample.ts';
import { MAIL_DOMAIN, sideOf, type Mailbox, type Org, type Person, type Side } from './world.ts';

const SERVICES = [
  'urgences',
  'cardiologie',
  'maternite',
  'pediatrie',
  'oncologie',
  'radiologie',
  'chirurgie-digestive',
  'medecine-interne',
  'neurologie',
  'pneumologie',
  'geriatrie',
  'orthopedie',
  'nephrologie',
  'gastro-enterologie',
  'dermatologie',
  'ophtalmologie',
  'psychiatrie',
  'endocrinologie',
  'rhumatologie',
  'anesthesie',
];

/** [sends, receives] of a personal mailbox, by where its owner works and what they do. */
function personalWeights(side: Side, person: Person): [number, number] {
  const p = person.profession;
  if (person.role === 'secretary') return [0.3, 0.1];
  if (side === 'hospital')
    return p === '10' ? [1, 1] : p === '50' ? [0.8, 0.5] : p === '21' ? [0.5, 0.3] : [0.3, 0.2];
  if (side === 'ehpad') return p === '10' ? [1, 1] : [0.5, 0.5];
  if (side === 'lab') return [0.3, 0.2];
  if (p === '10') return person.specialty === 'SM54' ? [1, 1] : [0.8, 0.7];
  if (p === '21') return [0.3, 0.35];
  if (p === '60') return [0.4, 0.3];
  if (p === '50') return [0.5, 0.3];
  return [0.1, 0.05];
}

export function buildMailboxes(rng: Rng, orgs: readonly Org[], people: readonly Person[]): Mailbox[] {
  const taken = new Set<string>();
  const address = (localPart: string) => {
    for (let n = 1; ; n++) {
      const candidate = `${localPart}${n === 1 ? '' : n}@${MAIL_DOMAIN}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const boxes: Mailbox[] = [];
  const staff = orgs.map((): number[] => []);

  people.forEach((person, i) => {
    if (person.org !== null) staff[person.org]!.push(i);
    if (person.role !== 'professional' && person.role !== 'secretary') return;
    const side = sideOf(person.org === null ? undefined : orgs[person.org]!.kind);
    const [send, receive] = personalWeights(side, person);
    const a = activity(rng, 1);
    boxes.push({
      id: seededUuid(rng),
      address: address(localPartFor(person.firstName, person.lastName)),
      kind: 'PER',
      org: person.org,
      side,
      createdDay: person.createdDay,
      members: [i],
      memberDays: [person.createdDay],
      sendWeight: send * a,
      receiveWeight: receive * a,
    });
  });

  /** A shared mailbox of `members`, owned by whoever was there first; none without members. */
  const shared = (
    org: number,
    kind: 'ORG' | 'APP',
    name: string,
    members: number[],
    weights: [number, number],
  ) => {
    if (members.length === 0) return;
    const sorted = [...members].sort((a, b) => people[a]!.createdDay - people[b]!.createdDay);
    const createdDay = Math.max(orgs[org]!.createdDay, people[sorted[0]!]!.createdDay);
    const a = kind === 'APP' ? 1 : activity(rng, 0.5);
    boxes.push({
      id: seededUuid(rng),
      address: address(localPartFor(name, orgs[org]!.name)),
      kind,
      org,
      side: sideOf(orgs[org]!.kind),
      createdDay,
      members: sorted,
      memberDays: sorted.map((m) => Math.max(createdDay, people[m]!.createdDay)),
      sendWeight: weights[0] * a,
      receiveWeight: weights[1] * a,
    });
  };

  orgs.forEach((org, o) => {
    const humans = staff[o]!.filter((i) => people[i]!.role !== 'application');
    const robot = staff[o]!.find((i) => people[i]!.role === 'application');
    if (org.kind === 'hospital' || org.kind === 'clinic') {
      const services = Math.min(SERVICES.length, Math.max(1, Math.round(humans.length / 20)));
      for (let s = 0; s < services; s++) {
        const count = Math.min(humans.length, between(rng, 2, 12));
        const members = new Set<number>();
        while (members.size < count) members.add(humans[Math.floor(rng() * humans.length)]!);
        shared(o, 'ORG', SERVICES[s]!, [...members], [4, 3]);
      }
      if (robot !== undefined) shared(o, 'APP', 'dpi', [robot], [15, 0]);
    } else if (org.kind === 'ehpad') {
      shared(o, 'ORG', 'secretariat-medical', humans, [3, 3]);
    } else if (org.kind === 'lab') {
      shared(o, 'ORG', 'biologie', humans, [0.5, 0.3]);
      if (robot !== undefined) shared(o, 'APP', 'resultats', [robot], [4, 0]);
    } else if (org.kind === 'practice' && humans.length >= 2) {
      shared(o, 'ORG', 'secretariat', humans, [1.5, 1.5]);
    }
  });
  return boxes;
}
