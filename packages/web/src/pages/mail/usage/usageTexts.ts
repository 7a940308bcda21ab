import type { HoldState, MailHold, RuleTrip } from '@liaison/core/api/mailHold';
import type { CharterArticle } from '@liaison/core/policy/charterArticles';
import type { LetterFinding, LetterRuleCode, LetterToCheck } from '@liaison/core/policy/letterRules';
import { isNoReplyAddress } from '@liaison/core/policy/noReply';
import type { TFunction } from 'i18next';

/**
 * The usage rules in words (usage.* in i18n): letter-format findings for the writer or the reader,
 * the bulk-mail rules a message trips, and a held message's state. Pure, tested in
 * test/mailUsage.test.ts; the components only lay these texts out.
 */

/**
 * "charte, article 5 : Pas d'envois de masse", with the heading of the charter in force when it is
 * known (else the number alone). `start` capitalises it for the start of a line.
 */
export function citation(
  t: TFunction,
  number: number,
  article: CharterArticle | null,
  start = false,
): string {
  if (article && article.number === number && article.heading.trim() !== '') {
    const heading = article.heading.trim();
    return start
      ? t('usage.charter.citeStartHeading', { number, heading })
      : t('usage.charter.citeHeading', { number, heading });
  }
  return start ? t('usage.charter.citeStart', { number }) : t('usage.charter.cite', { number });
}

/** One tripped rule: what was counted against which limit ("30 destinataires, au-delà de 20 par message"). */
export function tripText(t: TFunction, trip: RuleTrip): string {
  const values = { observed: trip.observed, limit: trip.limit };
  const text =
    trip.rule === 'message_recipients'
      ? t('usage.trips.message_recipients', values)
      : t('usage.trips.hourly_recipients', values);
  return trip.source === 'sender' ? t('usage.trips.ownLimit', { text }) : text;
}

export function tripsText(t: TFunction, trips: readonly RuleTrip[]): string {
  return trips.map((trip) => tripText(t, trip)).join(t('usage.trips.separator'));
}

/** The article the first tripped rule cites (the one the sender is told about). */
export function tripsArticle(trips: readonly RuleTrip[]): number | null {
  return trips[0]?.charterArticle ?? null;
}

/** Who reads a finding: the person writing the letter, or a recipient who opened it. */
export type Audience = 'sender' | 'reader';

export interface FindingNotice {
  code: LetterRuleCode;
  severity: LetterFinding['severity'];
  text: string;
  charterArticle: number;
}

/**
 * The findings in words for their reader. A no-reply finding names its address: the core lists them
 * From first, then Reply-To, one finding per no-reply address, so they pair up in that order.
 */
export function findingNotices(
  t: TFunction,
  letter: Pick<LetterToCheck, 'from' | 'replyTo'>,
  findings: readonly LetterFinding[],
  audience: Audience,
): FindingNotice[] {
  const noReply = (
    [
      ['from', letter.from],
      ['replyTo', letter.replyTo],
    ] as const
  ).filter((entry): entry is readonly ['from' | 'replyTo', string] => {
    const address = entry[1];
    return address !== null && isNoReplyAddress(address);
  });
  let noReplySeen = 0;
  return findings.map((finding) => {
    let text: string;
    if (finding.code === 'NO_REPLY_FORBIDDEN') {
      const [field, address] = noReply[noReplySeen] ?? ['replyTo', letter.replyTo ?? letter.from];
      noReplySeen += 1;
      text =
        field === 'from'
          ? t(`usage.findings.${audience}.noReplyFrom`, { address })
          : t(`usage.findings.${audience}.NO_REPLY_FORBIDDEN`, { address, from: letter.from });
    } else {
      text = t(`usage.findings.${audience}.${finding.code}`);
    }
    return { code: finding.code, severity: finding.severity, text, charterArticle: finding.charterArticle };
  });
}

/** The articles a list of notices cites, each once, in order of first appearance. */
export function citedArticles(notices: readonly { charterArticle: number }[]): number[] {
  return [...new Set(notices.map((n) => n.charterArticle))];
}

/** Mantine colours of a hold; the state is always said in words too. */
export const HOLD_COLOURS: Record<HoldState, string> = {
  held: 'orange',
  rejected: 'red',
  released: 'teal',
};

/**
 * What a recipient's delivery state reads as when its message is held: nobody receives a held or
 * rejected message, so "submitted" is really "awaiting review" or "not delivered". Null: as usual.
 */
export function heldDelivery(
  state: 'submitted' | 'delivered' | 'filed' | 'read',
  hold: HoldState | null,
): 'held' | 'rejected' | null {
  if (state !== 'submitted') return null;
  return hold === 'held' || hold === 'rejected' ? hold : null;
}

export interface HoldTexts {
  title: string;
  text: string;
  /** The technician's words, when they gave some. */
  reason: string | null;
  /** What to do instead (a rejection). */
  advice: string | null;
}

/**
 * The hold alert of a sent message: held (why, a technician will decide), rejected (the reason, the
 * article, what to do instead), released (delivered after review). `formatDate` writes the decision
 * time in the reader's language.
 */
export function holdTexts(
  t: TFunction,
  hold: MailHold,
  article: CharterArticle | null,
  formatDate: (iso: string) => string,
): HoldTexts {
  const trips = tripsText(t, hold.trips);
  const number = tripsArticle(hold.trips);
  const cite = number === null ? '' : citation(t, number, article);
  const date = formatDate(hold.decidedAt ?? hold.heldAt);
  const reason = hold.reason?.trim() ? t('usage.hold.reason', { reason: hold.reason.trim() }) : null;
  switch (hold.state) {
    case 'held':
      return {
        title: t('usage.hold.held.title'),
        text: t('usage.hold.held.text', { trips, citation: cite }),
        reason: null,
        advice: null,
      };
    case 'rejected':
      return {
        title: t('usage.hold.rejected.title'),
        text: t('usage.hold.rejected.text', { date, citation: cite }),
        reason,
        advice: t('usage.hold.rejected.advice'),
      };
    case 'released':
      return {
        title: t('usage.hold.released.title'),
        text: t('usage.hold.released.text', { trips, date }),
        reason,
        advice: null,
      };
  }
}

/** The confirmation after sending a message the server held ("retenu pour vérification", not "envoyé"). */
export function heldNotice(t: TFunction, trips: readonly RuleTrip[], article: CharterArticle | null): string {
  const number = tripsArticle(trips);
  return t('usage.sent.held', {
    trips: tripsText(t, trips),
    citation: number === null ? '' : citation(t, number, article),
  });
}

/** The compose warning: what the message would trip, and that a technician will decide. */
export function bulkWarningText(
  t: TFunction,
  trips: readonly RuleTrip[],
  article: CharterArticle | null,
): string {
  const number = tripsArticle(trips);
  return t('usage.bulk.text', {
    trips: tripsText(t, trips),
    citation: number === null ? '' : citation(t, number, article),
  });
}
