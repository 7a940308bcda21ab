/** The service status screens' addresses, shared by the routes, the navigation and the footer. */

export const STATUS_PATH = '/status';
export const STATUS_MANAGE_PATH = '/status/manage';
