import type { Messages } from '../fr.ts';

/** Technicians' review of held messages and sender limits; charter re-acceptance. */
export const quarantineEn: Messages['quarantine'] = {
  pending: 'Being built',
};
