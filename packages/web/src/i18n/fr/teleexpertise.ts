/** Tele-expertise: requests, the expert's queue, availability and service administration (issue 9). */
export const teleexpertiseFr = {
  nav: 'Télé-expertise',
  title: 'Télé-expertise',
};
