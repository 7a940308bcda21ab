import type { Messages } from '../fr.ts';

export const noticesEn: Messages['notices'] = {
  title: 'Patient movements',
};
