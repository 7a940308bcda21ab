/** Tele-expertise, the expert's and the service admin's side: queue, answer, availability, services, billing. */
export const teleexpertiseExpertFr = {
  queue: { title: 'File d’attente' },
};
