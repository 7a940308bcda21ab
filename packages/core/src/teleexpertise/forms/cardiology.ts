import type { Questionnaire } from '../questionnaire.ts';
import { codeSystem, codedOptions, formUrl, mimeTypeExt } from './shared.ts';

/** Avis cardiologique: context, symptoms (with details when chest pain), an ECG, treatments. */
export const CARDIOLOGY_FORM: Questionnaire = {
  resourceType: 'Questionnaire',
  url: formUrl('cardiology'),
  version: '1.0.0',
  name: 'TeleexpertiseCardiology',
  title: 'Télé-expertise — cardiologie',
  status: 'active',
  item: [
    { linkId: 'context', type: 'text', text: 'Contexte clinique et question posée', required: true },
    {
      linkId: 'symptoms',
      type: 'choice',
      text: 'Symptômes',
      required: true,
      repeats: true,
      answerOption: codedOptions('cardiology', [
        ['chest-pain', 'Douleur thoracique'],
        ['dyspnoea', 'Dyspnée'],
        ['palpitations', 'Palpitations'],
        ['syncope', 'Syncope ou malaise'],
        ['oedema', 'Œdèmes des membres inférieurs'],
        ['none', 'Asymptomatique'],
      ]),
    },
    {
      linkId: 'chest-pain-details',
      type: 'text',
      text: 'Douleur thoracique : type, durée, irradiation',
      required: true,
      enableWhen: [
        {
          question: 'symptoms',
          operator: '=',
          answerCoding: { system: codeSystem('cardiology'), code: 'chest-pain' },
        },
      ],
    },
    {
      linkId: 'chest-pain-on-effort',
      type: 'boolean',
      text: "Douleur à l'effort",
      enableWhen: [
        {
          question: 'symptoms',
          operator: '=',
          answerCoding: { system: codeSystem('cardiology'), code: 'chest-pain' },
        },
      ],
    },
    {
      linkId: 'last-syncope',
      type: 'date',
      text: 'Date du dernier épisode',
      enableWhen: [
        {
          question: 'symptoms',
          operator: '=',
          answerCoding: { system: codeSystem('cardiology'), code: 'syncope' },
        },
      ],
    },
    { linkId: 'heart-rate', type: 'integer', text: 'Fréquence cardiaque (battements/min)' },
    {
      linkId: 'urgent-notice',
      type: 'display',
      text: "Syncope ou fréquence > 120/min : en cas de signe de gravité, appeler le 15 plutôt qu'une télé-expertise.",
      enableBehavior: 'any',
      enableWhen: [
        {
          question: 'symptoms',
          operator: '=',
          answerCoding: { system: codeSystem('cardiology'), code: 'syncope' },
        },
        { question: 'heart-rate', operator: '>', answerInteger: 120 },
      ],
    },
    {
      linkId: 'ecg',
      type: 'attachment',
      text: 'ECG (photo ou PDF)',
      required: true,
      extension: [mimeTypeExt('image/jpeg'), mimeTypeExt('image/png'), mimeTypeExt('application/pdf')],
    },
    { linkId: 'treatments', type: 'text', text: 'Traitements en cours' },
  ],
};
