/** Technicians' review of held messages and sender limits; charter re-acceptance. */
export const quarantineFr = {
  pending: 'En cours de construction',
};
