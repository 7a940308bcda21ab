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
