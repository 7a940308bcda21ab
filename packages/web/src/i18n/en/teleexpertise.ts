import type { Messages } from '../fr.ts';

export const teleexpertiseEn: Messages['teleexpertise'] = {
  nav: 'Tele-expertise',
  title: 'Tele-expertise',
};
