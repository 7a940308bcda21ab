import type { Messages } from '../fr.ts';

/** Usage rules on the sender's and recipient's side: letter-format findings, bulk-mail warnings, held messages. */
export const usageEn: Messages['usage'] = {
  pending: 'Being built',
};
