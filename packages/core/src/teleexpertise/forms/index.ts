import { CARDIOLOGY_FORM } from './cardiology.ts';
import { DERMATOLOGY_FORM } from './dermatology.ts';
import { OPHTHALMOLOGY_FORM } from './ophthalmology.ts';

export { CARDIOLOGY_FORM } from './cardiology.ts';
export { DERMATOLOGY_CODES, DERMATOLOGY_FORM } from './dermatology.ts';
export { OPHTHALMOLOGY_FORM } from './ophthalmology.ts';

/** The forms Liaison ships with, by specialty; admins may import more (importQuestionnaire). */
export const BUILT_IN_FORMS = {
  dermatology: DERMATOLOGY_FORM,
  cardiology: CARDIOLOGY_FORM,
  ophthalmology: OPHTHALMOLOGY_FORM,
} as const;
