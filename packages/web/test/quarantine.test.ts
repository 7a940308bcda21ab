import type { RuleTrip } from '@liaison/core/api/mailHold';
import { QuarantineDecision, type QuarantineItem } from '@liaison/core/api/usage';
import { charterArticles } from '@liaison/core/policy/charterArticles';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';
import { formatBytes } from '../src/pages/mail/mailFormat.ts';
import {
  countShares,
  decisionText,
  defaultRejectReason,
  formatNumber,
  patientsText,
  recipientsText,
  sizeText,
  tripLine,
} from '../src/pages/quarantine/heldTexts.ts';

const CHARTER = [
  'Article 4 — Adresses joignables. Toute adresse doit pouvoir recevoir une réponse.',
  "Article 5 — Pas d'envois de masse. Liaison n'est pas un outil de diffusion.",
].join('\n\n');
const articles = charterArticles(CHARTER);

const trip: RuleTrip = {
  rule: 'message_recipients',
  charterArticle: 5,
  limit: 20,
  observed: 30,
  source: 'default',
};

/** The 30-recipient « pot de départ » announcement of the acceptance journey. */
function item(patch: Partial<QuarantineItem> = {}): QuarantineItem {
  return {
    messageId: '0b9c3a52-3f43-4a8e-9a7e-2f0c3c1d9e11',
    from: 'claire.morvan@liaison.test',
    senderName: 'Claire Morvan',
    organisationName: 'CH Bretagne Sud',
    mailboxKind: 'PER',
    category: 'information',
    patients: 0,
    toCount: 25,
    ccCount: 5,
    bodyBytes: 12_345,
    attachmentCount: 0,
    attachmentBytes: 0,
    submittedAt: '2026-06-01T09:59:00Z',
    hold: { state: 'held', trips: [trip], heldAt: '2026-06-01T10:00:00Z', decidedAt: null, reason: null },
    decidedBy: null,
    history: {
      messages30d: 12,
      recipients30d: 40,
      held: 1,
      released: 0,
      rejected: 0,
      firstMessageAt: '2025-01-10T08:00:00Z',
    },
    ...patch,
  };
}

async function fixedT(language: 'fr' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('held messages in words (French)', () => {
  let t: TFunction;
  beforeAll(async () => {
    t = await fixedT('fr');
  });

  it('says each tripped rule with its numbers, where the limit comes from and the article', () => {
    expect(tripLine(t, trip, 'fr', articles)).toBe(
      "30 destinataires dans ce message, au-delà de la limite de 20 par message (limite par défaut) — charte, article 5 : Pas d'envois de masse",
    );
    expect(tripLine(t, trip, 'fr', null)).toBe(
      '30 destinataires dans ce message, au-delà de la limite de 20 par message (limite par défaut) — charte, article 5',
    );
    const hourly: RuleTrip = {
      ...trip,
      rule: 'hourly_recipients',
      limit: 1000,
      observed: 1234,
      source: 'sender',
    };
    const line = tripLine(t, hourly, 'fr', null);
    expect(line).toContain(`${formatNumber(1234, 'fr')} destinataires différents en une heure`);
    expect(line).toContain(`au-delà de la limite de ${formatNumber(1000, 'fr')}`);
    expect(formatNumber(1234, 'fr')).toMatch(/^1\s234$/u);
    expect(line).toContain('(limite fixée pour cet expéditeur)');
  });

  it('counts recipients, patients and sizes the French way', () => {
    expect(recipientsText(t, item(), 'fr')).toBe('À : 25 · Cc : 5 · 30 au total');
    expect(patientsText(t, item(), 'fr')).toBe('Aucun patient');
    expect(patientsText(t, item({ category: 'patient', patients: 1 }), 'fr')).toBe('1 patient');
    expect(patientsText(t, item({ category: 'patient', patients: 3 }), 'fr')).toBe('3 patients');
    // The space before the unit is ICU's (narrow or not): compare with the app's own formatter.
    const size = (bytes: number) => formatBytes(bytes, 'fr');
    expect(size(12_345)).toMatch(/^12,3\s?ko$/u);
    expect(sizeText(t, item(), 'fr')).toBe(`Lettre : ${size(12_345)} · aucune pièce jointe`);
    expect(sizeText(t, item({ attachmentCount: 2, attachmentBytes: 1_200_000 }), 'fr')).toBe(
      `Lettre : ${size(12_345)} · 2 pièces jointes (${size(1_200_000)})`,
    );
  });

  it('suggests a rejection reason citing article 5 and saying what to do instead', () => {
    const reason = defaultRejectReason(t, item());
    expect(reason).toContain('Votre message adressé à 30 destinataires');
    expect(reason).toContain('article 5');
    expect(reason).toContain('au-delà de 20 destinataires par message');
    expect(reason).toContain('pot de départ');
    const hourly = defaultRejectReason(
      t,
      item({
        hold: { ...item().hold, trips: [{ ...trip, rule: 'hourly_recipients', limit: 40, observed: 64 }] },
      }),
    );
    expect(hourly).toContain('64 destinataires différents en une heure, au-delà de 40');
  });

  it('says who decided and when, once decided', () => {
    expect(decisionText(t, item(), (iso) => iso)).toBeNull();
    const rejected = item({
      hold: { ...item().hold, state: 'rejected', decidedAt: '2026-06-01T11:00:00Z', reason: 'Annonce' },
      decidedBy: 'Lucas Bernard',
    });
    expect(decisionText(t, rejected, (iso) => iso.slice(0, 10))).toBe(
      'Refusé le 2026-06-01 par Lucas Bernard',
    );
    const released = item({ hold: { ...item().hold, state: 'released', decidedAt: '2026-06-02T08:00:00Z' } });
    expect(decisionText(t, released, (iso) => iso.slice(0, 10))).toBe(
      'Distribué le 2026-06-02 par un technicien',
    );
  });
});

describe('rejection reasons the server accepts', () => {
  it('keeps both suggestions, in both languages, within the reason limit', async () => {
    for (const language of ['fr', 'en'] as const) {
      const t = await fixedT(language);
      for (const rule of ['message_recipients', 'hourly_recipients'] as const) {
        const text = defaultRejectReason(
          t,
          item({ hold: { ...item().hold, trips: [{ ...trip, rule, observed: 100_000, limit: 100_000 }] } }),
        );
        expect(QuarantineDecision.safeParse({ reason: text }).success).toBe(true);
        expect(text).not.toMatch(/\{\{/);
      }
    }
  });
});

describe('all-time counts', () => {
  it('splits the total into shares, in a fixed order', () => {
    expect(countShares({ held: 1, released: 2, rejected: 1 })).toEqual([
      { state: 'held', count: 1, share: 0.25 },
      { state: 'released', count: 2, share: 0.5 },
      { state: 'rejected', count: 1, share: 0.25 },
    ]);
  });

  it('has no share when nothing was ever held', () => {
    expect(countShares({ held: 0, released: 0, rejected: 0 }).map((entry) => entry.share)).toEqual([0, 0, 0]);
  });
});
