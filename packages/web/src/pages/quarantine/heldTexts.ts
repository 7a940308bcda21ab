import type { HoldState, RuleTrip } from '@liaison/core/api/mailHold';
import type { QuarantineCounts, QuarantineItem } from '@liaison/core/api/usage';
import type { CharterArticle } from '@liaison/core/policy/charterArticles';
import type { TFunction } from 'i18next';
import { formatBytes } from '../mail/mailFormat.ts';

/**
 * A held message's metadata in words for the technician (quarantine.* in i18n). Pure, tested in
 * test/quarantine.test.ts; the components only lay these texts out.
 */

function locale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

/** "1 234" in French, "1,234" in English. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** "12 %" in French, "12%" in English; `share` between 0 and 1. */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** "charte, article 5 : Pas d'envois de masse", with the heading of the charter in force when known. */
export function citeArticle(
  t: TFunction,
  number: number,
  articles: readonly CharterArticle[] | null,
): string {
  const heading = articles?.find((article) => article.number === number)?.heading.trim();
  return heading
    ? t('quarantine.trips.citeHeading', { number, heading })
    : t('quarantine.trips.cite', { number });
}

/**
 * One tripped rule: what was counted against which limit, where the limit comes from, and the article
 * ("30 destinataires dans ce message, au-delà de la limite de 20 par message (limite par défaut) —
 * charte, article 5").
 */
export function tripLine(
  t: TFunction,
  trip: RuleTrip,
  language: string,
  articles: readonly CharterArticle[] | null,
): string {
  const values = {
    observed: formatNumber(trip.observed, language),
    limit: formatNumber(trip.limit, language),
  };
  const text =
    trip.rule === 'message_recipients'
      ? t('quarantine.trips.message_recipients', values)
      : t('quarantine.trips.hourly_recipients', values);
  return t('quarantine.trips.line', {
    text,
    source: t(`quarantine.trips.source.${trip.source}`),
    citation: citeArticle(t, trip.charterArticle, articles),
  });
}

export function totalRecipients(item: Pick<QuarantineItem, 'toCount' | 'ccCount'>): number {
  return item.toCount + item.ccCount;
}

/** "À : 25 · Cc : 5 · 30 au total". */
export function recipientsText(t: TFunction, item: QuarantineItem, language: string): string {
  return t('quarantine.item.recipientsText', {
    to: formatNumber(item.toCount, language),
    cc: formatNumber(item.ccCount, language),
    total: formatNumber(totalRecipients(item), language),
  });
}

/** "3 patients", or "Aucun patient" (an information message is about none). */
export function patientsText(t: TFunction, item: QuarantineItem, language: string): string {
  if (item.patients <= 0) return t('quarantine.item.noPatient');
  return t('quarantine.item.patientCount', {
    count: item.patients,
    n: formatNumber(item.patients, language),
  });
}

/** "Lettre : 12,3 ko · 2 pièces jointes (1,2 Mo)". */
export function sizeText(t: TFunction, item: QuarantineItem, language: string): string {
  const attachments =
    item.attachmentCount > 0
      ? t('quarantine.item.attachments', {
          count: item.attachmentCount,
          n: formatNumber(item.attachmentCount, language),
          size: formatBytes(item.attachmentBytes, language),
        })
      : t('quarantine.item.noAttachments');
  return t('quarantine.item.sizeText', { body: formatBytes(item.bodyBytes, language), attachments });
}

/**
 * The suggested reason of a rejection, from the first rule tripped (the one the sender is told about):
 * why, the article, and what to do instead. The technician reads and edits it before it is sent.
 */
export function defaultRejectReason(t: TFunction, item: Pick<QuarantineItem, 'hold'>): string {
  const trip = item.hold.trips[0];
  if (!trip) return '';
  const values = { observed: trip.observed, limit: trip.limit, article: trip.charterArticle };
  return trip.rule === 'message_recipients'
    ? t('quarantine.defaultReason.message_recipients', values)
    : t('quarantine.defaultReason.hourly_recipients', values);
}

/** "Refusé le 3 juin 2026, 10:05 par Lucas Bernard", or null while the message is held. */
export function decisionText(
  t: TFunction,
  item: QuarantineItem,
  formatDate: (iso: string) => string,
): string | null {
  const { state, decidedAt } = item.hold;
  if (state === 'held') return null;
  const values = {
    date: formatDate(decidedAt ?? item.hold.heldAt),
    by: item.decidedBy ?? t('quarantine.item.decision.unknown'),
  };
  return state === 'released'
    ? t('quarantine.item.decision.released', values)
    : t('quarantine.item.decision.rejected', values);
}

export interface CountShare {
  state: HoldState;
  count: number;
  /** Between 0 and 1; 0 for every state when nothing was ever held. */
  share: number;
}

/** The three all-time counts as shares of their total, in a fixed order (to review, released, rejected). */
export function countShares(counts: QuarantineCounts): CountShare[] {
  const total = counts.held + counts.released + counts.rejected;
  return (['held', 'released', 'rejected'] as const).map((state) => ({
    state,
    count: counts[state],
    share: total === 0 ? 0 : counts[state] / total,
  }));
}
