import type { MailRecipient } from '@liaison/core/api/mail';
import type { MailHold, RuleTrip } from '@liaison/core/api/mailHold';
import { charterArticle } from '@liaison/core/policy/charterArticles';
import type { LetterRuleCode } from '@liaison/core/policy/letterRules';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { hospitalDoctor } from './support/me.ts';
import { en } from '../src/i18n/en.ts';
import { fr } from '../src/i18n/fr.ts';
import { composeErrors, emptyPatient, type ComposeValues } from '../src/pages/mail/compose/composeValues.ts';
import {
  composeFindings,
  composeLetterToCheck,
  hasStarted,
  precheckRequest,
} from '../src/pages/mail/compose/letterChecks.ts';
import { receivedFindings } from '../src/pages/mail/message/receivedChecks.ts';
import {
  bulkWarningText,
  citation,
  citedArticles,
  findingNotices,
  heldDelivery,
  heldNotice,
  holdTexts,
  tripsText,
} from '../src/pages/mail/usage/usageTexts.ts';

const now = new Date('2026-06-01T10:00:00Z');

const me = hospitalDoctor;
const from = 'claire.morvan@liaison.test';

function colleague(n: number): MailRecipient {
  return {
    address: `confrere.${String(n).padStart(2, '0')}@liaison.test`,
    kind: 'PER',
    displayName: `Confrère ${n}`,
    organisationName: null,
    acceptsAttachments: true,
  };
}

function values(patch: Partial<ComposeValues> = {}): ComposeValues {
  return {
    to: [colleague(1)],
    cc: [],
    subject: 'Compte rendu',
    category: 'patient',
    patient: {
      ...emptyPatient('06/05/2026'),
      lastName: 'Guillou',
      firstName: 'Annick',
      birthDate: '23/07/1951',
    },
    text: 'Cher confrère,',
    ...patch,
  };
}

const pdf = { type: 'application/pdf' };
const codes = (list: readonly { code: LetterRuleCode }[]) => list.map((f) => f.code);

// A stand-in for i18next that shows which key and values were asked for.
const stub = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const CHARTER = [
  'Article 4 — Adresses joignables. Toute adresse doit pouvoir recevoir une réponse.',
  "Article 5 — Pas d'envois de masse. Liaison n'est pas un outil de diffusion.",
  'Article 6 — Format des courriers. Un courrier concernant un patient porte un en-tête HPRIM.',
].join('\n\n');
const article5 = charterArticle(CHARTER, 5);

const trip: RuleTrip = {
  rule: 'message_recipients',
  charterArticle: 5,
  limit: 20,
  observed: 30,
  source: 'default',
};

function hold(patch: Partial<MailHold> = {}): MailHold {
  return {
    state: 'held',
    trips: [trip],
    heldAt: '2026-06-01T10:00:00Z',
    decidedAt: null,
    reason: null,
    ...patch,
  };
}

describe('letter rules while writing', () => {
  it('checks the letter as it would be sealed: a complete patient letter passes', () => {
    const letter = composeLetterToCheck(values(), me, from, []);
    expect(letter.from).toBe(from);
    expect(letter.replyTo).toBeNull();
    expect(letter.text.split('\n')[1]).toBe('Guillou');
    expect(composeFindings(values(), me, from, [], now)).toEqual([]);
  });

  it('asks for the patient’s name and birth date, or a message without patient', () => {
    const blank = values({ patient: emptyPatient('06/05/2026') });
    expect(codes(composeFindings(blank, me, from, [], now))).toEqual([
      'PATIENT_SURNAME_MISSING',
      'PATIENT_FIRST_NAME_MISSING',
      'PATIENT_BIRTH_DATE_MISSING',
    ]);
    expect(composeFindings({ ...blank, category: 'information' }, me, from, [], now)).toEqual([]);
    const future = values({ patient: { ...values().patient, birthDate: '01/01/2030' } });
    expect(codes(composeFindings(future, me, from, [], now))).toEqual(['PATIENT_BIRTH_DATE_INVALID']);
  });

  it('warns (without blocking) when the letter is only a PDF, and lets it go without text', () => {
    const onlyPdf = values({ text: '  ' });
    const findings = composeFindings(onlyPdf, me, from, [pdf], now);
    expect(findings.map((f) => [f.code, f.severity, f.charterArticle])).toEqual([
      ['PDF_ONLY_LETTER', 'warning', 6],
    ]);
    expect(composeFindings(values(), me, from, [pdf], now)).toEqual([]);
    expect(composeErrors(onlyPdf, 1).text).toBeUndefined();
    expect(composeErrors(onlyPdf, 0).text).toBe('bodyRequired');
  });

  it('says nothing before the person started writing', () => {
    const blank = values({ to: [], subject: '', text: '', patient: emptyPatient('06/05/2026') });
    expect(hasStarted(blank, 0, false)).toBe(false);
    expect(hasStarted(blank, 0, true)).toBe(true);
    expect(hasStarted({ ...blank, to: [colleague(1)] }, 0, false)).toBe(true);
    expect(hasStarted({ ...blank, patient: { ...blank.patient, lastName: 'G' } }, 0, false)).toBe(true);
  });
});

describe('the precheck request', () => {
  it('is asked only with recipients, addresses sorted, patients counted', () => {
    expect(precheckRequest(values({ to: [] }), from)).toBeNull();
    const request = precheckRequest(
      values({ to: [colleague(3), colleague(1)], cc: [colleague(2)], category: 'information' }),
      from,
    );
    expect(request).toEqual({
      from,
      to: ['confrere.01@liaison.test', 'confrere.03@liaison.test'],
      cc: ['confrere.02@liaison.test'],
      category: 'information',
      patients: 0,
    });
    expect(precheckRequest(values(), from)?.patients).toBe(1);
  });
});

describe('findings in words', () => {
  it('translates each code for its reader and cites its article once', () => {
    const letter = { from, replyTo: null };
    const findings = composeFindings(values({ patient: emptyPatient('') }), me, from, [], now);
    const notices = findingNotices(stub, letter, findings, 'sender');
    expect(notices.map((n) => n.text)).toEqual([
      'usage.findings.sender.PATIENT_SURNAME_MISSING',
      'usage.findings.sender.PATIENT_FIRST_NAME_MISSING',
      'usage.findings.sender.PATIENT_BIRTH_DATE_MISSING',
    ]);
    expect(citedArticles(notices)).toEqual([6]);
  });

  it('names the no-reply address, telling From apart from Reply-To', () => {
    const letter = {
      category: 'information' as const,
      from: 'secretariat.cardio@liaison.test',
      replyTo: 'ne-pas-repondre@chbs.test',
      text: 'Bonjour',
      attachments: [],
    };
    const findings = receivedFindings({ category: 'information' }, letter, now);
    expect(findingNotices(stub, letter, findings, 'reader')).toEqual([
      {
        code: 'NO_REPLY_FORBIDDEN',
        severity: 'error',
        charterArticle: 4,
        text: 'usage.findings.reader.NO_REPLY_FORBIDDEN {"address":"ne-pas-repondre@chbs.test","from":"secretariat.cardio@liaison.test"}',
      },
    ]);
    const both = { ...letter, from: 'noreply@labo.test' };
    const texts = findingNotices(
      stub,
      both,
      receivedFindings({ category: 'information' }, both, now),
      'reader',
    );
    expect(texts.map((n) => n.text.split(' ')[0])).toEqual([
      'usage.findings.reader.noReplyFrom',
      'usage.findings.reader.NO_REPLY_FORBIDDEN',
    ]);
  });

  it('checks a received letter: patient without header, PDF only', () => {
    const letter = {
      from: 'labo@liaison.test',
      replyTo: null,
      text: '',
      attachments: [{ filename: 'cr.pdf', contentType: 'application/pdf', content: new Uint8Array(1) }],
    };
    expect(codes(receivedFindings({ category: 'patient' }, letter, now))).toEqual([
      'PATIENT_HEADER_MISSING',
      'PDF_ONLY_LETTER',
    ]);
    expect(codes(receivedFindings({ category: 'information' }, letter, now))).toEqual(['PDF_ONLY_LETTER']);
  });

  it('has a sender and a reader sentence for every code, in French and English', () => {
    const all: LetterRuleCode[] = [
      'PATIENT_HEADER_MISSING',
      'PATIENT_SURNAME_MISSING',
      'PATIENT_FIRST_NAME_MISSING',
      'PATIENT_BIRTH_DATE_MISSING',
      'PATIENT_BIRTH_DATE_INVALID',
      'PDF_ONLY_LETTER',
      'NO_REPLY_FORBIDDEN',
    ];
    for (const messages of [fr, en]) {
      for (const audience of ['sender', 'reader'] as const) {
        expect(all.filter((code) => !messages.usage.findings[audience][code])).toEqual([]);
      }
    }
  });
});

describe('held messages in words', () => {
  it('cites the article with the heading of the charter in force, else the number', () => {
    expect(citation(stub, 5, article5)).toBe(
      'usage.charter.citeHeading {"number":5,"heading":"Pas d\'envois de masse"}',
    );
    expect(citation(stub, 5, null, true)).toBe('usage.charter.citeStart {"number":5}');
    expect(citation(stub, 6, article5)).toBe('usage.charter.cite {"number":6}');
  });

  it('says each tripped rule with its numbers, and whose limit it is', () => {
    const hourly: RuleTrip = {
      ...trip,
      rule: 'hourly_recipients',
      limit: 40,
      observed: 55,
      source: 'sender',
    };
    expect(tripsText(stub, [trip, hourly])).toBe(
      [
        'usage.trips.message_recipients {"observed":30,"limit":20}',
        'usage.trips.ownLimit {"text":"usage.trips.hourly_recipients {\\"observed\\":55,\\"limit\\":40}"}',
      ].join('usage.trips.separator'),
    );
  });

  it('puts nobody-received first while held or rejected', () => {
    expect(heldDelivery('submitted', 'held')).toBe('held');
    expect(heldDelivery('submitted', 'rejected')).toBe('rejected');
    expect(heldDelivery('submitted', 'released')).toBeNull();
    expect(heldDelivery('read', 'released')).toBeNull();
    expect(heldDelivery('submitted', null)).toBeNull();
  });

  describe('in French', () => {
    let t: TFunction;
    beforeAll(async () => {
      const instance = i18next.createInstance();
      await instance.init({
        resources: { fr: { translation: fr } },
        lng: 'fr',
        interpolation: { escapeValue: false },
      });
      t = instance.t;
    });
    const day = (iso: string) => iso.slice(0, 10);

    it('warns before sending, with the numbers and the article', () => {
      expect(bulkWarningText(t, [trip], article5)).toBe(
        "Ce message sera retenu pour vérification : 30 destinataires, au-delà de 20 par message (charte, article 5 : Pas d'envois de masse). Un technicien décidera de sa distribution.",
      );
      expect(heldNotice(t, [trip], null)).toContain('(charte, article 5)');
    });

    it('tells the sender what happened to a held message', () => {
      const held = holdTexts(t, hold(), article5, day);
      expect(held.title).toBe('Message retenu pour vérification');
      expect(held.text).toContain('30 destinataires, au-delà de 20 par message');
      expect(held.text).toContain('Un technicien décidera');
      expect(held.reason).toBeNull();

      const rejected = holdTexts(
        t,
        hold({ state: 'rejected', decidedAt: '2026-06-01T11:00:00Z', reason: 'Annonce collective' }),
        article5,
        day,
      );
      expect(rejected.title).toBe('Message refusé après vérification');
      expect(rejected.text).toContain('le 2026-06-01');
      expect(rejected.text).toContain("charte, article 5 : Pas d'envois de masse");
      expect(rejected.reason).toBe('Motif du technicien : « Annonce collective »');
      expect(rejected.advice).toContain('outil de diffusion hors de Liaison');

      const released = holdTexts(
        t,
        hold({ state: 'released', decidedAt: '2026-06-01T11:00:00Z' }),
        null,
        day,
      );
      expect(released.title).toBe('Distribué après vérification');
      expect(released.advice).toBeNull();
    });
  });
});
