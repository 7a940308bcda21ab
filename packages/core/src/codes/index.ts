export type { CodeEntry, CodeList, Lang } from './types.ts';
export { TRE_G15 } from './treG15.ts';
export { TRE_R38 } from './treR38.ts';
export {
  isProfession,
  isSpecialty,
  professionLabel,
  specialtyLabel,
  type ProfessionCode,
  type SpecialtyCode,
} from './lookup.ts';
