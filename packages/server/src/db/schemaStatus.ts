/** Tables of the service status and the outbound email queue (migration 011). STUB: the status feature defines them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatusTables {}
