/**
 * One day of messages at a time: metadata rows only (the statistics never read blobs or mailbox
 * items, and no foreign key requires them). A message goes from one mailbox to one to three others
 * along the flows of flows.ts; about 0.3 % are mass mailings that the usage rules held (charter
 * article 5), most of them decided by a technician since: released or rejected.
 */
import type { Insertable } from 'kysely';
import { BULK_MAIL_CHARTER_ARTICLE } from '../../packages/core/src/policy/bulkRules.ts';
import type { Rng } from '../../packages/core/src/synthetic/rng.ts';
import type { DB } from '../../packages/server/src/db/schema.ts';
import { DAY_MS, HOUR_MS, type Calendar } from './calendar.ts';
import { Flows, type Flow } from './flows.ts';
import type { Rows } from './rows.ts';
import { activity, between, chance, randomHex, seededUuid, type WeightedPool } from './sample.ts';
import type { World } from './world.ts';

type Message = Insertable<DB['mail_messages']>;
type Recipient = Insertable<DB['mail_recipients']>;
type Hold = Insertable<DB['mail_holds']>;

export interface DayRows extends Rows {
  mail_messages: Message[];
  mail_recipients: Recipient[];
  mail_holds: Hold[];
}

/** Share of messages held by a bulk rule. */
export const HOLD_RATE = 0.003;
const MINUTE_MS = 60_000;

export class Traffic {
  private readonly flows: Flows;
  /** Milliseconds from day 0 to the end of the generated year: nothing generated happens later. */
  private readonly endMs: number;

  constructor(
    private readonly world: World,
    private readonly calendar: Calendar,
    private readonly rng: Rng,
  ) {
    this.flows = new Flows(world);
    this.endMs = calendar.days * DAY_MS - 1;
  }

  /** `count` messages submitted on day `d`, in submission order. */
  day(d: number, count: number, holdRate = HOLD_RATE): DayRows {
    const out: DayRows = { mail_messages: [], mail_recipients: [], mail_holds: [] };
    const times = Array.from({ length: count }, () => this.timeOfDay()).sort((a, b) => a - b);
    for (const ms of times) this.message(out, d, ms, chance(this.rng, holdRate));
    return out;
  }

  /** Office hours mostly (a bell around 11:30), robots and night shifts for the rest. */
  private timeOfDay(): number {
    const rng = this.rng;
    if (rng() < 0.15) return Math.floor(rng() * DAY_MS);
    const bell = (rng() + rng() + rng() + rng() - 2) * 1.7; // ~N(0, 1), cheap and bounded
    return Math.floor(Math.min(20.5, Math.max(6.5, 11.5 + 3 * bell)) * HOUR_MS + rng() * MINUTE_MS);
  }

  /** A mailbox of the pool that existed before day `d` (people join during the year). */
  private present(pool: WeightedPool, d: number): number | null {
    for (let tries = 0; tries < 64; tries++) {
      const box = pool.pick(this.rng);
      if (this.world.mailboxes[box]!.createdDay < d) return box;
    }
    return null;
  }

  private message(out: DayRows, d: number, ms: number, bulk: boolean): void {
    const rng = this.rng;
    let flow: Flow;
    let sender: number | null;
    let tries = 0;
    do {
      if (++tries > 1000) throw new Error(`nobody could send mail on day ${d}`);
      flow = this.flows.pick(rng);
      sender = this.present(flow.senders, d);
    } while (sender === null);
    const box = this.world.mailboxes[sender]!;
    const members = box.members.filter((_, k) => box.memberDays[k]! < d);
    const user = this.world.people[members[Math.floor(rng() * members.length)] ?? box.members[0]!]!;

    const rule = bulk ? (rng() < 0.7 ? 'message_recipients' : 'hourly_recipients') : null;
    const wanted =
      rule === 'message_recipients'
        ? between(rng, 21, 60)
        : rule === 'hourly_recipients'
          ? between(rng, 2, 10)
          : rng() < 0.72
            ? 1
            : rng() < 0.7
              ? 2
              : 3;
    const pool = bulk ? this.flows.cityRecipients : flow.recipients;
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < wanted && tries < wanted * 8; tries++) {
      const r = this.present(pool, d);
      if (r !== null && r !== sender) chosen.add(r);
    }
    if (chosen.size === 0) chosen.add(sender); // a note to one's own service: rare, but it happens

    const id = seededUuid(rng);
    const submitted = this.calendar.at(d, ms);
    const category = bulk || (flow.from !== 'lab' && rng() < 0.12) ? 'information' : 'patient';
    const attachments = flow.from === 'hospital' && rng() < 0.3 ? between(rng, 1, 2) : 0;
    out.mail_messages.push({
      id,
      sender_mailbox_id: box.id,
      sender_user_id: user.id,
      sender_device_id: user.deviceId,
      from_address: box.address,
      category,
      body_bytes: Math.round(18_000 * activity(rng, 0.6)),
      summary_bytes: between(rng, 400, 900),
      attachment_count: attachments,
      attachment_bytes: attachments * Math.round(150_000 * activity(rng, 1)),
      recipient_count: chosen.size,
      patients: category === 'information' ? 0 : rng() < 0.95 ? 1 : between(rng, 2, 5),
      fingerprint: randomHex(rng, 64),
      submitted_at: submitted,
    });

    let deliverableFrom: number | null = d * DAY_MS + ms; // ms since day 0; null: never delivered
    if (rule !== null) {
      const hold = this.hold(id, box.id, rule, chosen.size, d, ms, submitted);
      out.mail_holds.push(hold.row);
      deliverableFrom = hold.releasedAt;
    }
    let position = 0;
    for (const r of chosen) {
      const m = this.world.mailboxes[r]!;
      out.mail_recipients.push({
        message_id: id,
        mailbox_id: m.id,
        address: m.address,
        field: position === 0 || rng() < 0.4 ? 'to' : 'cc',
        position: position++,
        ...this.delivery(deliverableFrom),
      });
    }
  }

  private hold(
    id: string,
    senderMailboxId: string,
    rule: 'message_recipients' | 'hourly_recipients',
    recipients: number,
    d: number,
    ms: number,
    heldAt: string,
  ): { row: Hold; releasedAt: number | null } {
    const rng = this.rng;
    const limit = rule === 'message_recipients' ? 20 : 40;
    const observed = rule === 'message_recipients' ? recipients : between(rng, 41, 90);
    const trips = [{ rule, charterArticle: BULK_MAIL_CHARTER_ARTICLE, limit, observed, source: 'default' }];
    // The last few days' holds are partly still waiting for a technician.
    const waiting = d >= this.calendar.days - 3 && rng() < 0.6;
    const decidedMs = Math.min(d * DAY_MS + ms + between(rng, 1, 72) * HOUR_MS, this.endMs);
    const state = waiting ? 'held' : rng() < 0.4 ? 'released' : 'rejected';
    const decided = state !== 'held';
    return {
      row: {
        message_id: id,
        sender_mailbox_id: senderMailboxId,
        state,
        rule,
        trips: JSON.stringify(trips),
        held_at: heldAt,
        decided_at: decided ? this.calendar.at(0, decidedMs) : null,
        decided_by: decided ? this.world.people[this.world.technician]!.id : null,
        reason: state === 'rejected' ? 'Envoi de masse : utilisez une liste de diffusion.' : null,
      },
      releasedAt: state === 'released' ? decidedMs : null,
    };
  }

  /**
   * Download, filing in the patient record and reading come at their own pace, capped at the year's
   * end. A message sent after it (recorded live by the bench) is not delivered yet.
   */
  private delivery(from: number | null): Pick<Recipient, 'delivered_at' | 'filed_at' | 'read_at'> {
    const rng = this.rng;
    if (from === null || from >= this.endMs || rng() < 0.04)
      return { delivered_at: null, filed_at: null, read_at: null };
    const later = (t: number, minutes: number) =>
      Math.min(t + minutes * MINUTE_MS * activity(rng, 1.5), this.endMs);
    const delivered = later(from, 5);
    const iso = (t: number) => this.calendar.at(0, Math.floor(t));
    return {
      delivered_at: iso(delivered),
      filed_at: rng() < 0.4 ? iso(later(delivered, 30)) : null,
      read_at: rng() < 0.75 ? iso(later(delivered, 60)) : null,
    };
  }
}
