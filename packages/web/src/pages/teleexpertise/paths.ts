export const TELEEXPERTISE_PATH = '/teleexpertise';
