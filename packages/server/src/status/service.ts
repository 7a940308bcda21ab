import {
  STATUS_COMPONENTS,
  type AddStatusUpdateRequest,
  type CreateStatusEventRequest,
  type PublicStatus,
  type StatusAlertDelivery,
  type StatusEvent,
  type StatusEventPosted,
} from '@liaison/core/api/status';
import type { z } from 'zod';
import { auditActor, requireRole, type Actor } from '../auth/actor.ts';
import { addMs, iso } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { Deps } from '../deps.ts';
import { alertText } from './alertText.ts';
import { atomFeed } from './atom.ts';
import { deliverDueEmails } from './delivery.ts';
import {
  lockEventRow,
  normaliseTime,
  requireEndAfterStart,
  toEvent,
  toEvents,
  visibleEventRows,
  type StatusEventRow,
} from './events.ts';
import { alertRecipients, deliveryView, queueEmails } from './outbox.ts';
import { PAST_DAYS, publicStatus, sections, type StatusSections } from './publicStatus.ts';

type CreateInput = z.output<typeof CreateStatusEventRequest>;
type UpdateInput = z.output<typeof AddStatusUpdateRequest>;

/** Service status: incidents, maintenance, public page, Atom feed, alerts. */
export class StatusService {
  constructor(private readonly deps: Deps) {}

  /** GET /api/status: anyone, signed in or not. */
  async publicStatus(): Promise<PublicStatus> {
    const { parts, now } = await this.visible();
    return publicStatus(parts, now, this.deps.config.status.supportHours);
  }

  /** GET /api/status.atom: the same events as the public page, one entry each. */
  async atom(): Promise<string> {
    const { parts, now } = await this.visible();
    return atomFeed(parts, this.deps.config.publicUrl, now);
  }

  /** Every event ever posted, newest first (technicians' view). */
  async list(actor: Actor): Promise<StatusEvent[]> {
    requireRole(actor, 'technician', 'platform_admin');
    const read = this.deps.db.read;
    const rows = await read
      .selectFrom('status_events')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return toEvents(read, rows, iso(this.deps.clock.now()));
  }

  /** Posts an incident or maintenance; with `alert`, queues one email per establishment contact. */
  async create(actor: Actor, input: CreateInput): Promise<StatusEventPosted> {
    requireRole(actor, 'technician', 'platform_admin');
    const startsAt = normaliseTime(input.startsAt);
    const endsAt = input.endsAt ? normaliseTime(input.endsAt) : null;
    requireEndAfterStart(startsAt, endsAt);
    const id = crypto.randomUUID();
    return this.deps.db.transaction(async (tx) => {
      const now = iso(this.deps.clock.now());
      const row: StatusEventRow = {
        id,
        kind: input.kind,
        title: input.title,
        severity: input.severity,
        // Stored in the contract's order, whatever order they were ticked in, and once each.
        components: JSON.stringify(STATUS_COMPONENTS.filter((c) => input.components.includes(c))),
        description: input.description,
        starts_at: startsAt,
        ends_at: endsAt,
        created_by: auditActor(actor),
        created_at: now,
        updated_at: now,
      };
      await tx.db.insertInto('status_events').values(row).execute();
      const event = await toEvent(tx.db, row, now);
      const alertsQueued = input.alert ? await this.queueAlerts(tx, event, null) : 0;
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'status.event_posted',
        target: id,
        details: { kind: row.kind, severity: row.severity, startsAt, endsAt, alertsQueued },
      });
      return { event, alertsQueued };
    });
  }

  /** Adds a paragraph to an event, optionally with a new start (postponed), end (now ends it) or severity. */
  async addUpdate(actor: Actor, eventId: string, input: UpdateInput): Promise<StatusEventPosted> {
    requireRole(actor, 'technician', 'platform_admin');
    return this.deps.db.transaction(async (tx) => {
      const before = await lockEventRow(tx, eventId);
      const endsAt =
        input.endsAt === undefined
          ? before.ends_at
          : input.endsAt === null
            ? null
            : normaliseTime(input.endsAt);
      const startsAt = input.startsAt === undefined ? before.starts_at : normaliseTime(input.startsAt);
      requireEndAfterStart(startsAt, endsAt);
      const now = iso(this.deps.clock.now());
      const severity = input.severity ?? before.severity;
      const update = { id: crypto.randomUUID(), event_id: eventId, at: now, body: input.body };
      await tx.db
        .insertInto('status_updates')
        .values({ ...update, created_by: auditActor(actor) })
        .execute();
      await tx.db
        .updateTable('status_events')
        .set({ starts_at: startsAt, ends_at: endsAt, severity, updated_at: now })
        .where('id', '=', eventId)
        .execute();
      const event = await toEvent(
        tx.db,
        { ...before, starts_at: startsAt, ends_at: endsAt, severity, updated_at: now },
        now,
      );
      const alertsQueued = input.alert ? await this.queueAlerts(tx, event, update) : 0;
      await this.deps.audit.append(tx, {
        actor: auditActor(actor),
        action: 'status.update_posted',
        target: eventId,
        details: {
          updateId: update.id,
          ...(startsAt !== before.starts_at ? { startsAt: { from: before.starts_at, to: startsAt } } : {}),
          ...(endsAt !== before.ends_at ? { endsAt: { from: before.ends_at, to: endsAt } } : {}),
          ...(severity !== before.severity ? { severity: { from: before.severity, to: severity } } : {}),
          alertsQueued,
        },
      });
      return { event, alertsQueued };
    });
  }

  /** GET /api/admin/status/alerts: how far the alert emails got. */
  async alertDelivery(actor: Actor): Promise<StatusAlertDelivery> {
    requireRole(actor, 'technician', 'platform_admin');
    return deliveryView(this.deps.db.read);
  }

  /** Sends the alert emails that are due (the `status.alerts` job). */
  async deliverAlerts(): Promise<void> {
    await deliverDueEmails(this.deps);
  }

  private async queueAlerts(
    tx: Tx,
    event: StatusEvent,
    update: { at: string; body: string } | null,
  ): Promise<number> {
    const { publicUrl, status } = this.deps.config;
    const { subject, text } = alertText(event, update, { publicUrl, supportHours: status.supportHours });
    const recipients = await alertRecipients(tx);
    const emails = recipients.map((to) => ({ to, subject, text }));
    return queueEmails(tx, emails, event.id, this.deps.clock.now());
  }

  private async visible(): Promise<{ parts: StatusSections; now: string }> {
    const nowDate = this.deps.clock.now();
    const now = iso(nowDate);
    const since = iso(addMs(nowDate, -PAST_DAYS * 24 * 3600_000));
    const read = this.deps.db.read;
    const events = await toEvents(read, await visibleEventRows(read, since), now);
    return { parts: sections(events, since), now };
  }
}
