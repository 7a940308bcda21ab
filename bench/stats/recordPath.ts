/**
 * Rollups kept current as mail flows: more messages from the same synthetic people, each stored and
 * recorded (`recordExchanged`) in its own transaction as a submission would be, sent now; then the
 * year-to-today report must count exactly that many more messages than before.
 */
import type { AppContext } from '../../packages/server/src/context.ts';
import { recordExchanged } from '../../packages/server/src/stats/record.ts';
import { median, timeReport, type Timing } from './cases.ts';
import type { Generated } from './generate.ts';

export interface RecordPathResult {
  messages: number;
  /** The recordExchanged call alone, per message. */
  recordMedianMs: number;
  recordMaxMs: number;
  /** The whole transaction: the message's own rows, the record call, the commit. */
  transactionMedianMs: number;
  /** The year-to-today report before and after. */
  before: Timing;
  after: Timing;
}

export async function benchRecordPath(
  ctx: AppContext,
  generated: Generated,
  count: number,
): Promise<RecordPathResult> {
  const { calendar, traffic } = generated;
  // Day `days` is today: the generated year ends yesterday.
  const query = { from: calendar.day(1), to: calendar.day(calendar.days) };
  const before = await timeReport(ctx, query);

  const rows = traffic.day(calendar.days, count, 0);
  const recordTimes: number[] = [];
  const transactionTimes: number[] = [];
  let next = 0;
  for (const message of rows.mail_messages) {
    const recipients: typeof rows.mail_recipients = [];
    while (rows.mail_recipients[next]?.message_id === message.id)
      recipients.push(rows.mail_recipients[next++]!);
    const started = performance.now();
    await ctx.db.transaction(async (tx) => {
      await tx.db
        .insertInto('mail_messages')
        .values({ ...message, submitted_at: new Date().toISOString() })
        .execute();
      await tx.db.insertInto('mail_recipients').values(recipients).execute();
      const recordStarted = performance.now();
      await recordExchanged(tx, message.id);
      recordTimes.push(performance.now() - recordStarted);
    });
    transactionTimes.push(performance.now() - started);
  }
  recordTimes.sort((a, b) => a - b);
  transactionTimes.sort((a, b) => a - b);
  return {
    messages: rows.mail_messages.length,
    recordMedianMs: median(recordTimes),
    recordMaxMs: recordTimes[recordTimes.length - 1]!,
    transactionMedianMs: median(transactionTimes),
    before,
    after: await timeReport(ctx, query),
  };
}
