import type { Me } from '@liaison/core/api/index';
import type { CreateTeleexpertiseRequest, TeleexpertiseRequestDetail } from '@liaison/core/api/teleexpertise';
import { base64Encode } from '@liaison/core/crypto/index';
import { DERMATOLOGY_FORM } from '@liaison/core/teleexpertise/forms/dermatology';
import { canonicalOf } from '@liaison/core/teleexpertise/questionnaire';
import { checkRequestContent, parseRequestContentJson } from '@liaison/core/teleexpertise/requestContent';
import type { Answer } from '@liaison/core/teleexpertise/responseSchema';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.ts';
import { fr } from '../src/i18n/fr.ts';
import {
  answersOf,
  buildResponse,
  enabledFor,
  type AnswerMap,
} from '../src/pages/teleexpertise/form/answers.ts';
import { findingMessages } from '../src/pages/teleexpertise/form/findingMessages.ts';
import { tabOf } from '../src/pages/teleexpertise/paths.ts';
import { TeSealError } from '../src/pages/teleexpertise/shared/teCrypto.ts';
import { teErrorMessage } from '../src/pages/teleexpertise/shared/teErrorMessage.ts';
import { postRequest, requestContent, requesterOf } from '../src/pages/teleexpertise/request/sendRequest.ts';
import { EMPTY_DRAFT, patientOf, patientProblems } from '../src/pages/teleexpertise/request/wizard/draft.ts';

const coding = (code: string): Answer => {
  const option = DERMATOLOGY_FORM.item
    .flatMap((i) => i.item ?? [])
    .flatMap((i) => i.answerOption ?? [])
    .find((o) => o.valueCoding?.code === code);
  if (!option?.valueCoding) throw new Error(`no option ${code}`);
  return { valueCoding: option.valueCoding };
};

/** A tiny "JPEG": the magic bytes are what core sniffs. */
const photo = (title: string): Answer => {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
  return {
    valueAttachment: { contentType: 'image/jpeg', data: base64Encode(bytes), size: bytes.length, title },
  };
};

const COMPLETE: AnswerMap = {
  'lesion-site': [coding('face')],
  'lesion-size-mm': [{ valueDecimal: 6.5 }],
  'lesion-duration': [coding('1m-6m')],
  'lesion-evolution': [coding('growing'), coding('colour-change')],
  bleeding: [{ valueBoolean: false }],
  photos: [photo('close.jpg'), photo('context.jpg')],
};

/** French messages by key, as i18next would resolve them (no interpolation needed here). */
const t = ((key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], fr)) as unknown as TFunction;

describe('the form answers of the wizard', () => {
  it('builds a complete dermatology response that core accepts', () => {
    const response = buildResponse(DERMATOLOGY_FORM, COMPLETE, 'completed', new Date('2026-12-07T10:00:00Z'));
    expect(response.questionnaire).toBe(canonicalOf(DERMATOLOGY_FORM));
    expect(checkRequestContent(DERMATOLOGY_FORM, { response })).toEqual([]);
    // Answers sit under their group, as the form nests them.
    expect(response.item?.find((i) => i.linkId === 'lesion')?.item?.map((i) => i.linkId)).toContain(
      'lesion-site',
    );
  });

  it('drops answers of items enableWhen switched off, and keeps them for when they come back', () => {
    const answers: AnswerMap = {
      ...COMPLETE,
      bleeding: [{ valueBoolean: true }],
      'bleeding-details': [{ valueString: 'au rasage' }],
    };
    expect(enabledFor(DERMATOLOGY_FORM, answers)('bleeding-details')).toBe(true);
    const off = { ...answers, bleeding: [{ valueBoolean: false }] };
    expect(enabledFor(DERMATOLOGY_FORM, off)('bleeding-details')).toBe(false);
    const response = buildResponse(DERMATOLOGY_FORM, off, 'completed');
    expect(answersOf(response)['bleeding-details']).toBeUndefined();
    expect(checkRequestContent(DERMATOLOGY_FORM, { response })).toEqual([]);
    expect(answersOf(buildResponse(DERMATOLOGY_FORM, answers, 'completed'))['bleeding-details']).toEqual([
      { valueString: 'au rasage' },
    ]);
  });

  it('says in French what is missing, next to the item', () => {
    const answers: AnswerMap = { ...COMPLETE, photos: [photo('only-one.jpg')], 'lesion-site': [] };
    const findings = checkRequestContent(DERMATOLOGY_FORM, {
      response: buildResponse(DERMATOLOGY_FORM, answers, 'completed'),
    });
    const messages = findingMessages(t, findings);
    expect(messages['lesion-site']).toBe('Réponse obligatoire.');
    expect(messages.photos).toBe('Pas assez de réponses pour cette question.');
  });

  it('refuses a PDF passed off as a photo', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7');
    const fake: Answer = {
      valueAttachment: {
        contentType: 'image/jpeg',
        data: base64Encode(pdf),
        size: pdf.length,
        title: 'x.jpg',
      },
    };
    const findings = checkRequestContent(DERMATOLOGY_FORM, {
      response: buildResponse(DERMATOLOGY_FORM, { ...COMPLETE, photos: [fake, photo('b.jpg')] }, 'completed'),
    });
    expect(findingMessages(t, findings).photos).toBe('Ce fichier n’est pas une photo acceptée.');
  });
});

describe('the patient step', () => {
  it('asks for the required fields', () => {
    expect(patientProblems(EMPTY_DRAFT)).toEqual({
      lastName: 'required',
      firstName: 'required',
      birthDate: 'required',
      question: 'required',
    });
  });

  it('refuses a NIR whose key is wrong, accepts none or a right one', () => {
    const draft = {
      ...EMPTY_DRAFT,
      lastName: 'Dupont',
      firstName: 'Marie',
      birthDate: '1970-03-12',
      question: 'Mélanome ?',
    };
    expect(patientProblems(draft)).toEqual({});
    expect(patientProblems({ ...draft, nir: '2 70 03 75 115 004 00' })).toEqual({ nir: 'invalid' });
    expect(patientProblems({ ...draft, nir: '2 70 03 75 115 004 60' })).toEqual({});
    expect(patientProblems({ ...draft, birthDate: '1970-02-30' })).toEqual({ birthDate: 'invalid' });
    expect(patientOf(draft)).toEqual({ lastName: 'Dupont', firstName: 'Marie', birthDate: '1970-03-12' });
  });
});

const ME = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'marie.martin@example.org',
  firstName: 'Marie',
  lastName: 'Martin',
  nationalIdKind: null,
  nationalId: null,
  mailboxes: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      address: 'marie.martin@liaison.example',
      kind: 'PER',
      organisationId: null,
      acceptsAttachments: true,
      access: 'owner',
    },
  ],
} as unknown as Me;

describe('the request content', () => {
  it('names the requester with their own mailbox, where the answer letter goes', () => {
    expect(requesterOf(ME)).toEqual({ name: 'Marie Martin', address: 'marie.martin@liaison.example' });
    const content = requestContent({
      me: ME,
      patient: { lastName: 'Dupont', firstName: 'Marie', birthDate: '1970-03-12' },
      question: 'Mélanome ?',
      response: buildResponse(DERMATOLOGY_FORM, COMPLETE, 'completed'),
    });
    expect(parseRequestContentJson(content).kind).toBe('teleexpertise-request');
  });
});

describe('sending', () => {
  const body: CreateTeleexpertiseRequest = {
    id: '33333333-3333-4333-8333-333333333333',
    serviceId: '44444444-4444-4444-8444-444444444444',
    form: { url: DERMATOLOGY_FORM.url, version: DERMATOLOGY_FORM.version },
    envelope: 'AAAA',
  };
  const stored = { id: body.id } as TeleexpertiseRequestDetail;

  it('retries a lost connection with the same id and envelope', async () => {
    const posted: CreateTeleexpertiseRequest[] = [];
    const waits: number[] = [];
    let calls = 0;
    const result = await postRequest(body, {
      post: (request) => {
        posted.push(request);
        calls += 1;
        return calls < 3
          ? Promise.reject(new ApiError(0, 'NETWORK_ERROR', 'network error'))
          : Promise.resolve(stored);
      },
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(result).toBe(stored);
    expect(posted).toEqual([body, body, body]);
    expect(waits).toHaveLength(2);
  });

  it('does not retry what the server refused', async () => {
    let calls = 0;
    await expect(
      postRequest(body, {
        post: () => {
          calls += 1;
          return Promise.reject(new ApiError(422, 'TE_FORM_NOT_ACCEPTED', 'no'));
        },
        wait: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ code: 'TE_FORM_NOT_ACCEPTED' });
    expect(calls).toBe(1);
  });
});

describe('the tabs', () => {
  it('keeps a request under "Mes demandes" and a queue item under the queue', () => {
    expect(tabOf('/teleexpertise')).toBe('myRequests');
    expect(tabOf('/teleexpertise/requests/abc')).toBe('myRequests');
    expect(tabOf('/teleexpertise/new')).toBe('newRequest');
    expect(tabOf('/teleexpertise/queue/abc')).toBe('queue');
    expect(tabOf('/teleexpertise/billing/')).toBe('billing');
  });
});

describe('sealing failures, said for the person looking', () => {
  it('tells "you have no certificate" from "the requester has none"', () => {
    const none = new TeSealError('no-personal-certificate', ME.id);
    expect(teErrorMessage(t, none, ME.id)).toBe(fr.teleexpertise.crypto.noCertificate);
    expect(teErrorMessage(t, none, 'someone-else')).toBe(fr.teleexpertise.crypto.requesterNoCertificate);
    expect(teErrorMessage(t, new TeSealError('service-no-certificate'), ME.id)).toBe(
      fr.teleexpertise.crypto.serviceNoCertificate,
    );
  });

  it('says server refusals by their code', () => {
    expect(teErrorMessage(t, new ApiError(422, 'TE_FORM_NOT_ACCEPTED', 'no'), ME.id)).toBe(
      fr.errors.TE_FORM_NOT_ACCEPTED,
    );
  });
});
