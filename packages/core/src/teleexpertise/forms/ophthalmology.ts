import type { Questionnaire } from '../questionnaire.ts';
import { formUrl, maxOccursExt, mimeTypeExt } from './shared.ts';

const eye = (side: 'right' | 'left', label: string) => ({
  linkId: `${side}-eye`,
  type: 'group' as const,
  text: label,
  item: [
    {
      linkId: `visual-acuity-${side}`,
      type: 'decimal' as const,
      text: 'Acuité visuelle corrigée (échelle décimale, ex. 0,8)',
      required: true,
    },
    { linkId: `eye-pressure-${side}`, type: 'decimal' as const, text: 'Pression intraoculaire (mmHg)' },
  ],
});

/** Avis ophtalmologique: acuity and pressure per eye, fundus or anterior segment photos. */
export const OPHTHALMOLOGY_FORM: Questionnaire = {
  resourceType: 'Questionnaire',
  url: formUrl('ophthalmology'),
  version: '1.0.0',
  name: 'TeleexpertiseOphthalmology',
  title: 'Télé-expertise — ophtalmologie',
  status: 'active',
  item: [
    { linkId: 'reason', type: 'text', text: 'Motif et question posée', required: true },
    eye('right', 'Œil droit'),
    eye('left', 'Œil gauche'),
    {
      linkId: 'high-pressure-context',
      type: 'text',
      text: 'Pression > 21 mmHg : antécédents, traitement hypotonisant ?',
      enableBehavior: 'any',
      enableWhen: [
        { question: 'eye-pressure-right', operator: '>', answerDecimal: 21 },
        { question: 'eye-pressure-left', operator: '>', answerDecimal: 21 },
      ],
    },
    {
      linkId: 'photos',
      type: 'attachment',
      text: 'Photos (fond d’œil, segment antérieur)',
      repeats: true,
      extension: [maxOccursExt(6), mimeTypeExt('image/jpeg'), mimeTypeExt('image/png')],
    },
  ],
};
