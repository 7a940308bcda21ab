/** The statistics screens' addresses, shared by the routes, the navigation and the establishment page. */

export const STATS_PATH = '/stats';

export function establishmentStatsPath(organisationId: string): string {
  return `/establishments/${encodeURIComponent(organisationId)}/stats`;
}
