/** Tables of the statistics rollups (migration 010). STUB: the stats feature defines them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsTables {}
