/** Usage rules on the sender's and recipient's side: letter-format findings, bulk-mail warnings, held messages. */
export const usageFr = {
  pending: 'En cours de construction',
};
