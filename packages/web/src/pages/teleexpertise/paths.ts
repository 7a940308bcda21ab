export const TELEEXPERTISE_PATH = '/teleexpertise';

/** The screens of tele-expertise, all under /teleexpertise (see TeleexpertisePage). */
export const teleexpertisePaths = {
  myRequests: TELEEXPERTISE_PATH,
  newRequest: `${TELEEXPERTISE_PATH}/new`,
  request: (id: string) => `${TELEEXPERTISE_PATH}/requests/${encodeURIComponent(id)}`,
  queue: `${TELEEXPERTISE_PATH}/queue`,
  queueItem: (id: string) => `${TELEEXPERTISE_PATH}/queue/${encodeURIComponent(id)}`,
  availability: `${TELEEXPERTISE_PATH}/availability`,
  services: `${TELEEXPERTISE_PATH}/services`,
  billing: `${TELEEXPERTISE_PATH}/billing`,
} as const;

/** The tabs of the tele-expertise page, in order, each with the screen it opens. */
export const TELEEXPERTISE_TABS = [
  { value: 'myRequests', path: teleexpertisePaths.myRequests },
  { value: 'newRequest', path: teleexpertisePaths.newRequest },
  { value: 'queue', path: teleexpertisePaths.queue },
  { value: 'availability', path: teleexpertisePaths.availability },
  { value: 'services', path: teleexpertisePaths.services },
  { value: 'billing', path: teleexpertisePaths.billing },
] as const;
export type TeleexpertiseTab = (typeof TELEEXPERTISE_TABS)[number]['value'];

/** Which tab an address belongs to (a request's page to "Mes demandes", a queue item to the queue). */
export function tabOf(pathname: string): TeleexpertiseTab {
  const rest = pathname.replace(/\/+$/, '');
  // Every path starts with the "Mes demandes" one: look at the others first.
  const match = TELEEXPERTISE_TABS.filter((tab) => tab.value !== 'myRequests').find(
    (tab) => rest === tab.path || rest.startsWith(`${tab.path}/`),
  );
  return match?.value ?? 'myRequests';
}
