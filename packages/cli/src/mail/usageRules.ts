/**
 * The bulk-mail rules (usage charter, article 5) as `liaison send` meets them: before sealing it asks
 * the server whether the message would be held and warns; after submitting it says when it was. A
 * warning never stops the sending: a technician looks at the held message and decides.
 */
import type { Charter } from '@liaison/core/api/accounts';
import type { MailHold, RuleTrip } from '@liaison/core/api/mailHold';
import type { MailPrecheck, MailPrecheckRequest } from '@liaison/core/api/usage';
import { charterArticle } from '@liaison/core/policy/charterArticles';
import { ApiError, CHARTER_HINT, type ApiClient } from '../api.ts';
import type { MeView } from '../apiTypes.ts';
import { CliFailure } from '../failure.ts';

/** What the rule counted, against which limit, in plain words. */
export function tripText(trip: RuleTrip): string {
  const own = trip.source === 'sender' ? ' for this sender' : '';
  switch (trip.rule) {
    case 'message_recipients':
      return `${trip.observed} recipients (To and Cc), more than ${trip.limit} allowed in one message${own}`;
    case 'hourly_recipients':
      return `${trip.observed} distinct recipients of information messages in the past hour (this one included), more than ${trip.limit} allowed per hour${own}`;
  }
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * "usage charter, article 5: no bulk mail" for each cited article, the heading taken from the version
 * in force so it follows the published text. Without the charter, the number alone still says where
 * to look.
 */
async function citations(api: ApiClient, trips: readonly RuleTrip[]): Promise<Map<number, string>> {
  const text = await api
    .get<Charter>('/api/charter?lang=en')
    .then((charter) => charter.text)
    .catch(() => null);
  const cited = new Map<number, string>();
  for (const number of new Set(trips.map((t) => t.charterArticle))) {
    const heading = text === null ? undefined : charterArticle(text, number)?.heading;
    cited.set(number, `usage charter, article ${number}${heading ? `: ${lowerFirst(heading)}` : ''}`);
  }
  return cited;
}

/**
 * Asks the server whether the message would be held (nothing is stored) and prints one warning per
 * rule on stderr. The question is advisory: when it cannot be answered the server still applies the
 * rules at submission, so sending goes on. Refusals that would refuse the submission as well (sign in
 * again, accept the charter) stop here, before the slow sealing.
 */
export async function warnBeforeSending(api: ApiClient, request: MailPrecheckRequest): Promise<RuleTrip[]> {
  let answer: MailPrecheck;
  try {
    answer = await api.post<MailPrecheck>('/api/mail/precheck', request);
  } catch (err) {
    if (err instanceof ApiError && err.hint !== undefined) throw err;
    const why = err instanceof ApiError ? `${err.code}: ${err.message}` : (err as Error).message;
    process.stderr.write(
      `warning: could not ask the server whether the usage rules would hold this message (${why}); sending anyway, the server applies them\n`,
    );
    return [];
  }
  if (answer.trips.length === 0) return [];
  const cite = await citations(api, answer.trips);
  for (const trip of answer.trips) {
    process.stderr.write(
      `Warning: this message will be held for a technician's review: ${tripText(trip)} (${cite.get(trip.charterArticle)}).\n`,
    );
  }
  process.stderr.write('Sending anyway: a technician will release it to its recipients, or reject it.\n');
  return answer.trips;
}

/** The hold of a submitted message, one line for the text output. */
export function holdLine(hold: MailHold): string {
  const first = hold.trips[0]!;
  const why = `${tripText(first)} (usage charter, article ${first.charterArticle})`;
  switch (hold.state) {
    case 'held':
      return `held for a technician's review: ${why}; nobody receives it until it is released`;
    case 'released':
      return `released after a technician's review: ${why}`;
    case 'rejected':
      return `rejected after a technician's review: ${why}${hold.reason ? `; ${hold.reason}` : ''}`;
  }
}

/**
 * The server refuses sending until the person accepted the charter in force; `/api/me` already says
 * so, which spares the certificate look-ups and the sealing.
 */
export function requireCharterAccepted(me: MeView): void {
  const current = me.charterCurrentVersion;
  if (current === undefined || me.charterVersion === current) return;
  throw new CliFailure(
    'CHARTER_NOT_ACCEPTED',
    `version ${current} of the usage charter is in force: read and accept it before sending`,
    1,
    CHARTER_HINT,
  );
}
