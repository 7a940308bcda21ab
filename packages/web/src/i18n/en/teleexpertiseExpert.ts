import type { Messages } from '../fr.ts';

export const teleexpertiseExpertEn: Messages['teleexpertiseExpert'] = {
  queue: { title: 'Queue' },
};
