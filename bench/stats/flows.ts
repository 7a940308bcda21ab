/**
 * Who writes to whom. Most letters cross between the hospital and the city (discharge letters and
 * consultation reports one way, referrals the other) and labs send results to city physicians; the
 * rest stays in the city, between establishments, or involves nursing homes. Within a side, an
 * establishment's share follows its weight (a few large hospitals dominate) and a mailbox's share its
 * own activity.
 */
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';
import { WeightedPool } from './sample.ts';
import type { Side, World } from './world.ts';

export interface Flow {
  from: Side;
  to: Side;
  senders: WeightedPool;
  recipients: WeightedPool;
}

const FLOWS: ReadonlyArray<readonly [Side, Side, number]> = [
  ['hospital', 'city', 0.34],
  ['lab', 'city', 0.26],
  ['city', 'hospital', 0.14],
  ['city', 'city', 0.12],
  ['hospital', 'hospital', 0.05],
  ['hospital', 'ehpad', 0.03],
  ['ehpad', 'hospital', 0.02],
  ['ehpad', 'city', 0.02],
  ['city', 'ehpad', 0.02],
];

/** Weights of a side's mailboxes, each establishment's total scaled to its own weight. */
function sidePool(world: World, side: Side, weightOf: (m: World['mailboxes'][number]) => number) {
  const items: number[] = [];
  const raw: number[] = [];
  const orgTotals = new Map<number, number>();
  world.mailboxes.forEach((m, i) => {
    const w = weightOf(m);
    if (m.side !== side || w <= 0) return;
    items.push(i);
    raw.push(w);
    if (m.org !== null) orgTotals.set(m.org, (orgTotals.get(m.org) ?? 0) + w);
  });
  if (items.length === 0) return null;
  const weights = items.map((box, k) => {
    const m = world.mailboxes[box]!;
    // City people are independent; establishment staff share their establishment's traffic.
    if (side === 'city' || m.org === null) return raw[k]!;
    const org = world.orgs[m.org]!;
    const orgWeight = org.kind === 'ehpad' ? (org.beds ?? 80) / 80 : org.weight;
    return (raw[k]! / orgTotals.get(m.org)!) * orgWeight;
  });
  return new WeightedPool(items, weights);
}

export class Flows {
  private readonly flows: Flow[] = [];
  private readonly choice: WeightedPool;
  /** Where mass mailings go: everyone in the city who receives mail. */
  readonly cityRecipients: WeightedPool;

  constructor(world: World) {
    const senders = new Map<Side, WeightedPool | null>();
    const recipients = new Map<Side, WeightedPool | null>();
    for (const side of ['hospital', 'ehpad', 'lab', 'city'] as const) {
      senders.set(
        side,
        sidePool(world, side, (m) => m.sendWeight),
      );
      recipients.set(
        side,
        sidePool(world, side, (m) => m.receiveWeight),
      );
    }
    const shares: number[] = [];
    for (const [from, to, share] of FLOWS) {
      const s = senders.get(from);
      const r = recipients.get(to);
      // A tiny world (a smoke run) may lack a side entirely: its flows go.
      if (!s || !r) continue;
      this.flows.push({ from, to, senders: s, recipients: r });
      shares.push(share);
    }
    const city = recipients.get('city');
    if (this.flows.length === 0 || !city) throw new Error('the world is too small to send any mail');
    this.cityRecipients = city;
    this.choice = new WeightedPool(
      this.flows.map((_, i) => i),
      shares,
    );
  }

  pick(rng: Rng): Flow {
    return this.flows[this.choice.pick(rng)]!;
  }
}
