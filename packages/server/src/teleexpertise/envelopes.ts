import type { Reader } from '../db/index.ts';
import { fail } from '../errors.ts';
import { envelopeSerialsOfDer } from '../mailboxes/envelope.ts';

/**
 * Request, note and answer envelopes: opaque CMS EnvelopedData the server only measures and checks
 * the recipients of. They must be readable by the service (its mailbox's current certificate, which
 * every expert can open through their wrap of the mailbox key) and by the requester, and by nobody
 * else: a stranger's certificate among the recipients would leak patient data outside the service.
 */

/** Standard base64 decoding that refuses what Node's lenient decoder would silently skip. */
export function decodeEnvelope(text: string, maxBytes: number): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.toString('base64') !== text) fail('TE_ENVELOPE_INVALID');
  if (bytes.length > maxBytes) fail('TE_ENVELOPE_TOO_LARGE', undefined, { limit: maxBytes });
  if (envelopeSerialsOfDer(new Uint8Array(bytes)) === null) fail('TE_ENVELOPE_INVALID');
  return bytes;
}

/**
 * The serials an envelope of this request must name: the service mailbox's active encryption
 * certificate(s) and the requester's active personal one(s), unexpired at `nowIso`.
 */
export async function expectedSerials(
  db: Reader,
  serviceMailboxId: string,
  requesterUserId: string,
  nowIso: string,
): Promise<{ service: string[]; requester: string[] }> {
  const rows = await db
    .selectFrom('pki_certificates')
    .select(['serial', 'mailbox_id', 'user_id'])
    .where('usage', '=', 'encryption')
    .where('state', '=', 'active')
    .where('not_after', '>', nowIso)
    .where((eb) =>
      eb.or([
        eb('mailbox_id', '=', serviceMailboxId),
        eb.and([eb('mailbox_id', 'is', null), eb('user_id', '=', requesterUserId)]),
      ]),
    )
    .execute();
  return {
    service: rows.filter((r) => r.mailbox_id === serviceMailboxId).map((r) => r.serial),
    requester: rows.filter((r) => r.mailbox_id === null).map((r) => r.serial),
  };
}

/** Exactly the expected certificates: none missing, no stranger. */
export async function checkRecipients(
  db: Reader,
  envelope: Buffer,
  serviceMailboxId: string,
  requesterUserId: string,
  nowIso: string,
): Promise<void> {
  const addressed = new Set(envelopeSerialsOfDer(new Uint8Array(envelope)) ?? []);
  const expected = await expectedSerials(db, serviceMailboxId, requesterUserId, nowIso);
  const allowed = new Set([...expected.service, ...expected.requester]);
  const unknownRecipients = [...addressed].filter((s) => !allowed.has(s)).length;
  const missingService = expected.service.length === 0 || expected.service.some((s) => !addressed.has(s));
  const missingRequester =
    expected.requester.length === 0 || expected.requester.some((s) => !addressed.has(s));
  if (unknownRecipients > 0 || missingService || missingRequester) {
    fail('TE_RECIPIENTS_MISMATCH', undefined, { missingService, missingRequester, unknownRecipients });
  }
}
