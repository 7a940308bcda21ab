import type { Questionnaire } from '../questionnaire.ts';
import { codeSystem, codedOptions, formUrl, maxOccursExt, mimeTypeExt, minOccursExt } from './shared.ts';

/** Avis dermatologique: a lesion described, and at least two photos (close-up and context). */
export const DERMATOLOGY_FORM: Questionnaire = {
  resourceType: 'Questionnaire',
  url: formUrl('dermatology'),
  version: '1.0.0',
  name: 'TeleexpertiseDermatology',
  title: 'Télé-expertise — dermatologie',
  status: 'active',
  item: [
    {
      linkId: 'lesion',
      type: 'group',
      text: 'Lésion',
      item: [
        {
          linkId: 'lesion-site',
          type: 'choice',
          text: 'Localisation',
          required: true,
          answerOption: codedOptions('dermatology', [
            ['face', 'Visage'],
            ['scalp', 'Cuir chevelu'],
            ['neck', 'Cou'],
            ['trunk', 'Tronc'],
            ['upper-limb', 'Membre supérieur'],
            ['hand', 'Main'],
            ['lower-limb', 'Membre inférieur'],
            ['foot', 'Pied'],
            ['mucosa', 'Muqueuse'],
            ['nail', 'Ongle'],
          ]),
        },
        {
          linkId: 'lesion-size-mm',
          type: 'decimal',
          text: 'Taille (plus grand diamètre, en mm)',
          required: true,
        },
        {
          linkId: 'lesion-duration',
          type: 'choice',
          text: 'Depuis combien de temps ?',
          required: true,
          answerOption: codedOptions('dermatology', [
            ['lt-1w', "Moins d'une semaine"],
            ['1w-1m', '1 semaine à 1 mois'],
            ['1m-6m', '1 à 6 mois'],
            ['6m-1y', '6 mois à 1 an'],
            ['gt-1y', "Plus d'un an"],
          ]),
        },
        {
          linkId: 'lesion-evolution',
          type: 'choice',
          text: 'Évolution',
          required: true,
          repeats: true,
          answerOption: codedOptions('dermatology', [
            ['stable', 'Stable'],
            ['growing', 'Augmente de taille'],
            ['colour-change', 'Change de couleur'],
            ['shape-change', 'Change de forme'],
            ['bleeding', 'Saigne'],
            ['ulcerated', "S'ulcère"],
          ]),
        },
        { linkId: 'itching', type: 'boolean', text: 'Prurit' },
        { linkId: 'bleeding', type: 'boolean', text: 'Saignement spontané' },
        {
          linkId: 'bleeding-details',
          type: 'text',
          text: 'Circonstances du saignement',
          enableWhen: [{ question: 'bleeding', operator: '=', answerBoolean: true }],
        },
      ],
    },
    { linkId: 'history', type: 'text', text: 'Antécédents, traitements essayés, question posée' },
    {
      linkId: 'photos',
      type: 'attachment',
      text: 'Photos (au moins 2 : vue rapprochée et vue de situation)',
      required: true,
      repeats: true,
      extension: [minOccursExt(2), maxOccursExt(6), mimeTypeExt('image/jpeg')],
    },
  ],
};

/** The code system of the form's options, for callers building answers. */
export const DERMATOLOGY_CODES = codeSystem('dermatology');
