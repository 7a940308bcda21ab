/**
 * A tele-expertise answer reaches the requesting GP's practice software: the expert, an owner of the
 * hospital service's shared ORG mailbox (its own key, made by `liaison mailbox key-init`), builds the
 * answer letter with core's buildAnswerLetter and seals and submits it From the service mailbox with
 * the CLI's own sealing path; the GP's connector runs the real `liaison fetch`, which files it like any
 * patient letter: a Windows-1252 HPRIM file under the patient, and the FHIR Bundle saved beside it.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailList, SubmittedMessage } from '@liaison/core/api/mail';
import type { TeleexpertiseRequestSummary } from '@liaison/core/api/teleexpertise';
import { decodeHprim, parseHprim } from '@liaison/core/hprim/index';
import { nirKey } from '@liaison/core/ids/nir';
import {
  ANSWER_CODE_SYSTEM,
  buildAnswerResponse,
  type AnswerInput,
} from '@liaison/core/teleexpertise/answerForm';
import {
  TELEEXPERTISE_ATTACHMENT_FILENAME,
  TELEEXPERTISE_ATTACHMENT_TYPE,
  readAnswerLetterAttachment,
  type AnswerLetterInput,
} from '@liaison/core/teleexpertise/answerLetter';
import { DERMATOLOGY_CODES, DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/index';
import { canonicalOf } from '@liaison/core/teleexpertise/questionnaire';
import { RequestContent } from '@liaison/core/teleexpertise/requestContent';
import { repoRoot, type Run, type TestServer } from './support/liaison.ts';
import { colleagues, http, runWith, type Person } from './support/mail.ts';
import type { SendAnswerLetterArgs } from './support/sendAnswerLetter.ts';
import { keyedHospitalMailbox } from './support/sharedMailbox.ts';

const SETUP = 180_000;
const SLOW = 120_000;
const SERVICE = 'dermatologie.hopital-nord@liaison.test';
const NIR_BODY = '2500275115004';
const NIR = NIR_BODY + nirKey(NIR_BODY);

/** Runs support/sendAnswerLetter.ts on the expert's machine (its session and keystore). */
function sendAnswer(p: Person, args: SendAnswerLetterArgs): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/cli/test/support/sendAnswerLetter.ts'],
      { cwd: repoRoot, env: p.m.env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(JSON.stringify(args));
  });
}

describe('a tele-expertise answer letter, filed by liaison fetch', { timeout: SLOW }, () => {
  let server: TestServer;
  let expert: Person;
  let gp: Person;
  const path = (...parts: string[]) => join(server.dir, ...parts);

  beforeAll(async () => {
    ({ server, sender: expert, recipient: gp } = await colleagues('teleexpertise'));
    // Hôpital Nord's dermatology service mailbox (ORG), owned by the expert and keyed by them.
    await keyedHospitalMailbox(server, expert, { address: SERVICE, kind: 'ORG' });
  }, SETUP);
  afterAll(() => server?.stop());

  /** The request as the expert's device holds it: routing from the server, content decrypted. */
  const answerInput = (answer: AnswerInput): AnswerLetterInput => {
    const requestId = randomUUID();
    const request: TeleexpertiseRequestSummary = {
      id: requestId,
      serviceId: randomUUID(),
      serviceName: 'Dermatologie',
      organisationName: 'Hôpital Nord',
      form: { url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version },
      status: 'in-progress',
      requesterUserId: gp.pro.userId,
      requesterName: 'Dr Anne Durand',
      requesterAddress: gp.pro.address,
      assigneeUserId: expert.pro.userId,
      assigneeName: 'Dr Luc Martin',
      followsRequestId: null,
      createdAt: '2026-12-04T08:00:00.000Z',
      dueAt: '2026-12-06T08:00:00.000Z',
      pausedSince: null,
      firstAcceptedAt: '2026-12-04T09:00:00.000Z',
      answeredAt: null,
      answerMessageId: null,
    };
    const coded = (code: string) => ({ valueCoding: { system: DERMATOLOGY_CODES, code } });
    const content = RequestContent.parse({
      kind: 'teleexpertise-request',
      version: 1,
      patient: { lastName: 'Lefèvre', firstName: 'Hélène', birthDate: '1950-02-03', sex: 'F', nir: NIR },
      question: 'Lésion pigmentée du dos qui grandit : exérèse ou surveillance ?',
      response: {
        resourceType: 'QuestionnaireResponse',
        questionnaire: canonicalOf(DERMATOLOGY_FORM),
        status: 'completed',
        item: [
          {
            linkId: 'lesion',
            item: [
              { linkId: 'lesion-site', answer: [coded('trunk')] },
              { linkId: 'lesion-size-mm', answer: [{ valueDecimal: 7 }] },
            ],
          },
        ],
      },
      requester: { name: 'Dr Anne Durand', address: gp.pro.address },
    });
    return {
      request,
      content,
      answer: buildAnswerResponse(answer, new Date()),
      expert: { userId: expert.pro.userId, name: 'Dr Luc Martin' },
    };
  };

  it("lands in the GP's folder as an HPRIM letter under the patient, with the FHIR Bundle beside it", async () => {
    const messageId = randomUUID();
    const input = answerInput({
      conclusion: 'Naevus dysplasique probable : exérèse à prévoir.',
      advice: 'Photoprotection.',
      outcome: 'consultation',
      urgency: 'within-week',
    });
    const sent = await sendAnswer(expert, {
      home: expert.m.home,
      from: SERVICE,
      to: gp.pro.address,
      messageId,
      date: new Date().toISOString(),
      input,
    });
    expect(sent.status, sent.stderr).toBe(0);
    expect((JSON.parse(sent.stdout) as SubmittedMessage).id).toBe(messageId);

    const run = await runWith(gp, {}, [
      'fetch',
      '--home',
      gp.m.home,
      '--out',
      path('out'),
      '--encoding',
      'windows-1252',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${messageId} ${SERVICE} ${path('out', `${messageId}.hpr`)}\n`);
    const attachmentFile = `${messageId}.1.${TELEEXPERTISE_ATTACHMENT_FILENAME}`;
    expect(readdirSync(path('out')).sort()).toEqual(
      [attachmentFile, `${messageId}.hpr`, `${messageId}.json`].sort(),
    );

    // What the practice software imports: Windows-1252, CRLF, the patient's header, then the answer.
    const hprBytes = readFileSync(path('out', `${messageId}.hpr`));
    const hpr = decodeHprim(hprBytes, 'windows-1252');
    const parsed = parseHprim(hprBytes, { encoding: 'windows-1252' });
    expect(parsed.valid).toBe(true);
    expect(parsed.documents[0]!.header).toMatchObject({
      lastName: 'Lefèvre',
      firstName: 'Hélène',
      birthDate: '1950-02-03',
      nir: `${NIR.slice(0, 13)} ${NIR.slice(13)}`,
      fileNumber: input.request.id,
      sender: 'Dr Luc Martin – Dermatologie',
      recipient: 'Dr Anne Durand',
    });
    expect(hpr.text).toContain('\r\nConclusion :\r\nNaevus dysplasique probable : exérèse à prévoir.\r\n');
    expect(hpr.text).toContain('\r\nSuite à donner : Consultation nécessaire (dans la semaine)\r\n');
    expect(hpr.text.endsWith('****FIN****\r\n****FINFICHIER****\r\n')).toBe(true);

    const sidecar = JSON.parse(readFileSync(path('out', `${messageId}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(sidecar).toMatchObject({
      id: messageId,
      category: 'patient',
      from: SERVICE,
      subject: 'Réponse de télé-expertise – LEFÈVRE Hélène',
      verified: true,
      attachments: [
        {
          file: attachmentFile,
          filename: TELEEXPERTISE_ATTACHMENT_FILENAME,
          contentType: TELEEXPERTISE_ATTACHMENT_TYPE,
        },
      ],
    });

    // The structured part: a Bundle whose Task is completed, with the expert's answer.
    const attachment = readAnswerLetterAttachment(readFileSync(path('out', attachmentFile)));
    expect(attachment.task).toMatchObject({
      resourceType: 'Task',
      id: input.request.id,
      status: 'completed',
    });
    expect(attachment.answer.item?.find((i) => i.linkId === 'conclusion')?.answer).toEqual([
      { valueString: 'Naevus dysplasique probable : exérèse à prévoir.' },
    ]);

    // Acknowledged: the service sees it filed.
    const status = await http<SubmittedMessage>(
      server,
      expert,
      'GET',
      `/api/mail/messages/${messageId}/status`,
    );
    expect(status.body.recipients[0]!.state).toBe('filed');
  });

  it('refuses an answer that does not fit the answer form before anything is sent', async () => {
    const input = answerInput({ conclusion: 'Bénin.', outcome: 'advice-only' });
    // An urgency on an "advice only" answer: the form does not enable it.
    input.answer.item!.push({
      linkId: 'urgency',
      answer: [{ valueCoding: { system: ANSWER_CODE_SYSTEM, code: 'within-48h' } }],
    });
    const refused = await sendAnswer(expert, {
      home: expert.m.home,
      from: SERVICE,
      to: gp.pro.address,
      messageId: randomUUID(),
      date: new Date().toISOString(),
      input,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('not a valid answer');
    const sentBox = await http<MailList>(
      server,
      expert,
      'GET',
      `/api/mail/boxes/${encodeURIComponent(SERVICE)}/messages?view=sent`,
    );
    expect(sentBox.body.items).toHaveLength(1);
  });
});
