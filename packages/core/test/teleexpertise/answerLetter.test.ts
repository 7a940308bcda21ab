import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/crypto/bytes.ts';
import { parseHprim } from '../../src/hprim/index.ts';
import { buildLetterEntity, parseLetterEntity } from '../../src/mail/index.ts';
import { buildAnswerResponse } from '../../src/teleexpertise/answerForm.ts';
import {
  OMITTED_ATTACHMENT_URL,
  TELEEXPERTISE_ATTACHMENT_FILENAME,
  buildAnswerLetter,
  readAnswerLetterAttachment,
  type AnswerLetterInput,
} from '../../src/teleexpertise/answerLetter.ts';
import { RequestContent } from '../../src/teleexpertise/requestContent.ts';
import { ResponseError } from '../../src/teleexpertise/responseSchema.ts';
import {
  EXPERT_ID,
  EXPERT_RPPS,
  NIR,
  REQUEST_ID,
  requestContent,
  requestSummary,
  timeline,
} from './teFixtures.ts';

const MESSAGE_ID = '3e1f2a4b-6c8d-4e0f-9a1b-2c3d4e5f6a7b';
// 23:30 UTC on 30 November is 00:30 on 1 December in Paris: the letter's date is the Paris day.
const ANSWERED = new Date('2026-11-30T23:30:00.000Z');

const input = (over: Partial<Parameters<typeof buildAnswerResponse>[0]> = {}): AnswerLetterInput => ({
  request: requestSummary({ createdAt: '2026-11-29T08:00:00.000Z' }),
  timeline: timeline(),
  content: RequestContent.parse(requestContent()),
  answer: buildAnswerResponse(
    {
      conclusion: 'Naevus dysplasique probable.\n****FIN****',
      advice: 'Photoprotection, auto-surveillance.',
      outcome: 'consultation',
      urgency: 'within-week',
      ...over,
    },
    ANSWERED,
  ),
  expert: { userId: EXPERT_ID, name: 'Dr Luc Martin', rpps: EXPERT_RPPS },
});
const envelope = {
  messageId: MESSAGE_ID,
  from: 'dermatologie.hopital-nord@liaison.test',
  to: 'anne.durand@liaison.test',
  date: ANSWERED,
};

describe('the answer letter', () => {
  it('starts with an HPRIM header naming the patient, the expert and the requester', () => {
    const built = buildAnswerLetter(input(), envelope);
    const parsed = parseHprim(built.letter.text, { now: new Date('2026-12-07T00:00:00Z') });
    expect(parsed.valid).toBe(true);
    expect(parsed.documents).toHaveLength(1);
    const doc = parsed.documents[0]!;
    expect(doc.header).toMatchObject({
      patientId: 'P-000042',
      lastName: 'Lefèvre',
      firstName: 'Hélène',
      birthDate: '1950-02-03',
      nir: `${NIR.slice(0, 13)} ${NIR.slice(13)}`,
      fileNumber: REQUEST_ID,
      documentDate: '2026-12-01',
      sender: 'Dr Luc Martin – Dermatologie',
      recipient: 'Dr Anne Durand',
    });
    expect(doc.warnings).toEqual([]);
    expect(doc.text.split('\n')).toEqual([
      'Réponse de télé-expertise',
      '',
      'Service : Dermatologie – Hôpital Nord',
      `Expert : Dr Luc Martin (RPPS ${EXPERT_RPPS})`,
      'Demande du 29/11/2026 par Dr Anne Durand',
      'Patient : Mme LEFÈVRE Hélène, née le 03/02/1950',
      '',
      'Question posée :',
      'Lésion pigmentée du dos qui grandit : exérèse ou surveillance ?',
      '',
      'Conclusion :',
      'Naevus dysplasique probable.',
      // A line of the expert's text that reads as a closing tag is defused, not a cut in the file.
      expect.stringContaining('FIN'),
      '',
      'Conseils :',
      'Photoprotection, auto-surveillance.',
      '',
      'Suite à donner : Consultation nécessaire (dans la semaine)',
      '',
      `Référence de la demande : ${REQUEST_ID}`,
    ]);
    expect(built).toMatchObject({
      category: 'patient',
      patients: 1,
      patient: { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03' },
    });
    expect(built.letter).toMatchObject({
      messageId: MESSAGE_ID,
      from: envelope.from,
      to: [envelope.to],
      cc: [],
      subject: 'Réponse de télé-expertise – LEFÈVRE Hélène',
    });
  });

  it('writes a referral and leaves out what was not given', () => {
    const built = buildAnswerLetter(
      input({
        outcome: 'refer',
        urgency: undefined,
        advice: undefined,
        referTo: 'Chirurgie plastique',
        conclusion: 'Lésion à exciser.',
      }),
      envelope,
    );
    expect(built.letter.text).toContain(
      'Suite à donner : Orientation vers un autre spécialiste\nOrienter vers : Chirurgie plastique\n',
    );
    expect(built.letter.text).not.toContain('Conseils');
  });

  it('carries the Task, the request and the answer as a FHIR Bundle that reads back', () => {
    const built = buildAnswerLetter(input(), envelope);
    // Through the MIME entity every client seals: the attachment keeps its name and type.
    const letter = parseLetterEntity(buildLetterEntity(built.letter));
    expect(letter.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [TELEEXPERTISE_ATTACHMENT_FILENAME, 'application/fhir+json'],
    ]);
    const bytes = letter.attachments[0]!.content;
    const bundle = JSON.parse(new TextDecoder().decode(bytes)) as {
      resourceType: string;
      type: string;
      entry: unknown[];
    };
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: ANSWERED.toISOString(),
    });
    expect(bundle.entry).toHaveLength(3);

    const read = readAnswerLetterAttachment(bytes);
    expect(read.task).toMatchObject({
      id: REQUEST_ID,
      status: 'completed',
      owner: { display: 'Dr Luc Martin' },
      executionPeriod: { end: ANSWERED.toISOString() },
      output: [{ valueReference: { reference: `QuestionnaireResponse/${REQUEST_ID}-answer` } }],
    });
    expect((read.task as typeof built.task).note?.at(-1)).toEqual({
      time: ANSWERED.toISOString(),
      authorString: 'Dr Luc Martin',
      text: 'Réponse envoyée',
    });
    expect(read.answer).toEqual({ ...input().answer, id: `${REQUEST_ID}-answer` });
    expect(read.request.id).toBe(`${REQUEST_ID}-request`);
  });

  it('leaves the photos out of the letter, described by size, hash and title', () => {
    const original = input().content.response;
    const photos = original.item!.find((i) => i.linkId === 'photos')!.answer!;
    const built = buildAnswerLetter(input(), envelope);
    const read = readAnswerLetterAttachment(built.letter.attachments[0]!.content);
    const described = read.request.item!.find((i) => i.linkId === 'photos')!.answer!;
    expect(described).toHaveLength(2);
    described.forEach((answer, i) => {
      const bytes = Buffer.from(photos[i]!.valueAttachment!.data!, 'base64');
      expect(answer.valueAttachment).toEqual({
        contentType: 'image/jpeg',
        title: photos[i]!.valueAttachment!.title,
        url: OMITTED_ATTACHMENT_URL,
        size: bytes.length,
      });
    });
    // The other answers are untouched, and the letter stays small.
    expect(read.request.item![0]).toEqual(original.item![0]);
    expect(built.letter.attachments[0]!.content.length).toBeLessThan(6000);
  });

  it('refuses an answer that does not fit the form, before anything is built', () => {
    const bad = input();
    bad.answer = { ...bad.answer, item: bad.answer.item!.filter((i) => i.linkId !== 'conclusion') };
    expect(() => buildAnswerLetter(bad, envelope)).toThrow(ResponseError);
  });

  it('refuses an attachment that is not a tele-expertise bundle', () => {
    const built = buildAnswerLetter(input(), envelope);
    const bundle = JSON.parse(new TextDecoder().decode(built.letter.attachments[0]!.content)) as {
      entry: { resource: { resourceType: string } }[];
    };
    const fails = (json: unknown) => {
      try {
        readAnswerLetterAttachment(utf8(typeof json === 'string' ? json : JSON.stringify(json)));
      } catch (err) {
        return err instanceof ResponseError ? err.code : 'other';
      }
      return 'accepted';
    };
    expect(fails('not json')).toBe('RESPONSE_INVALID');
    expect(fails({ resourceType: 'Bundle', type: 'document', entry: bundle.entry })).toBe('RESPONSE_INVALID');
    expect(fails({ ...bundle, entry: bundle.entry.filter((e) => e.resource.resourceType !== 'Task') })).toBe(
      'RESPONSE_INVALID',
    );
    expect(fails({ ...bundle, entry: bundle.entry.slice(0, 2) })).toBe('RESPONSE_INVALID');
    expect(fails(bundle)).toBe('accepted');
  });
});
