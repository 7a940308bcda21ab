import { canonicalOf, type Questionnaire } from './questionnaire.ts';
import { validateResponse } from './response.ts';
import {
  ResponseError,
  type Answer,
  type QuestionnaireResponse,
  type ResponseItem,
} from './responseSchema.ts';
import { codeSystem, codedOptions, formUrl } from './forms/shared.ts';

/**
 * The expert's answer, as a FHIR QuestionnaireResponse to one fixed form: the same format as the
 * request, so both travel in the letter's FHIR attachment and are checked the same way on the
 * requester's device. The form stays inside the supported subset (it must pass importQuestionnaire).
 */

export const ANSWER_OUTCOMES = ['advice-only', 'consultation', 'refer'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];
export const ANSWER_URGENCIES = ['within-48h', 'within-week', 'within-month'] as const;
export type AnswerUrgency = (typeof ANSWER_URGENCIES)[number];

const OUTCOME_LABELS: Record<AnswerOutcome, string> = {
  'advice-only': 'Avis seul',
  consultation: 'Consultation nécessaire',
  refer: 'Orientation vers un autre spécialiste',
};
const URGENCY_LABELS: Record<AnswerUrgency, string> = {
  'within-48h': 'Sous 48 heures',
  'within-week': 'Dans la semaine',
  'within-month': 'Dans le mois',
};

export const ANSWER_CODE_SYSTEM = codeSystem('answer');

export const ANSWER_FORM: Questionnaire = {
  resourceType: 'Questionnaire',
  url: formUrl('answer'),
  version: '1.0.0',
  name: 'TeleexpertiseAnswer',
  title: 'Réponse de télé-expertise',
  status: 'active',
  item: [
    { linkId: 'conclusion', type: 'text', text: 'Conclusion', required: true },
    { linkId: 'advice', type: 'text', text: 'Conseils de prise en charge' },
    {
      linkId: 'outcome',
      type: 'choice',
      text: 'Suite à donner',
      required: true,
      answerOption: codedOptions(
        'answer',
        ANSWER_OUTCOMES.map((code) => [code, OUTCOME_LABELS[code]]),
      ),
    },
    {
      linkId: 'urgency',
      type: 'choice',
      text: 'Délai de la consultation',
      required: true,
      enableWhen: [
        {
          question: 'outcome',
          operator: '=',
          answerCoding: { system: ANSWER_CODE_SYSTEM, code: 'consultation' },
        },
      ],
      answerOption: codedOptions(
        'answer',
        ANSWER_URGENCIES.map((code) => [code, URGENCY_LABELS[code]]),
      ),
    },
    {
      linkId: 'refer-to',
      type: 'string',
      text: 'Orienter vers (spécialité ou praticien)',
      required: true,
      enableWhen: [
        { question: 'outcome', operator: '=', answerCoding: { system: ANSWER_CODE_SYSTEM, code: 'refer' } },
      ],
    },
  ],
};

export interface AnswerInput {
  conclusion: string;
  advice?: string | undefined;
  outcome: AnswerOutcome;
  /** Only with outcome consultation, where it is required. */
  urgency?: AnswerUrgency | undefined;
  /** Only with outcome refer, where it is required. */
  referTo?: string | undefined;
}

const coded = (code: string, labels: Record<string, string>): Answer => ({
  valueCoding: { system: ANSWER_CODE_SYSTEM, code, display: labels[code] ?? code },
});

/** Blank text counts as not given: an empty "advice" box is no advice. */
const given = (text: string | undefined) =>
  text === undefined || text.trim() === '' ? undefined : text.trim();

/** Throws ResponseError (RESPONSE_INVALID) listing every finding, `path` naming the first item at fault. */
function requireValid(response: QuestionnaireResponse): void {
  const findings = validateResponse(ANSWER_FORM, response);
  if (findings.length === 0) return;
  const summary = findings.map((f) => `${f.linkId ?? '$'}: ${f.code} ${f.message}`).join('; ');
  throw new ResponseError('RESPONSE_INVALID', findings[0]!.linkId ?? '', `not a valid answer (${summary})`);
}

/** The completed response for the expert's input; throws ResponseError when it does not fit the form. */
export function buildAnswerResponse(input: AnswerInput, authored: Date): QuestionnaireResponse {
  const items: ResponseItem[] = [];
  const add = (linkId: string, answer: Answer | undefined) => {
    if (answer) items.push({ linkId, answer: [answer] });
  };
  const conclusion = given(input.conclusion);
  const advice = given(input.advice);
  const referTo = given(input.referTo);
  add('conclusion', conclusion === undefined ? undefined : { valueString: conclusion });
  add('advice', advice === undefined ? undefined : { valueString: advice });
  add('outcome', coded(input.outcome, OUTCOME_LABELS));
  add('urgency', input.urgency === undefined ? undefined : coded(input.urgency, URGENCY_LABELS));
  add('refer-to', referTo === undefined ? undefined : { valueString: referTo });
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    questionnaire: canonicalOf(ANSWER_FORM),
    status: 'completed',
    authored: authored.toISOString(),
    item: items,
  };
  requireValid(response);
  return response;
}

/** The expert's input back from a response (checked against the form first). */
export function readAnswer(response: QuestionnaireResponse): AnswerInput {
  // A draft is not an answer: only a completed response has its required items enforced.
  if (response.status !== 'completed') {
    throw new ResponseError('RESPONSE_INVALID', '.status', 'not a valid answer (status is not completed)');
  }
  requireValid(response);
  const first = (linkId: string) => response.item?.find((i) => i.linkId === linkId)?.answer?.[0];
  const advice = first('advice')?.valueString;
  const urgency = first('urgency')?.valueCoding?.code as AnswerUrgency | undefined;
  const referTo = first('refer-to')?.valueString;
  return {
    conclusion: first('conclusion')!.valueString!,
    ...(advice !== undefined ? { advice } : {}),
    // validateResponse checked the codes are among the form's options.
    outcome: first('outcome')!.valueCoding!.code as AnswerOutcome,
    ...(urgency !== undefined ? { urgency } : {}),
    ...(referTo !== undefined ? { referTo } : {}),
  };
}

/** "Consultation nécessaire (dans la semaine)", "Avis seul"… as the letter and screens show it. */
export function answerOutcomeLabel(outcome: AnswerOutcome, urgency?: AnswerUrgency): string {
  const label = OUTCOME_LABELS[outcome];
  if (outcome !== 'consultation' || urgency === undefined) return label;
  return `${label} (${URGENCY_LABELS[urgency].toLocaleLowerCase('fr-FR')})`;
}
