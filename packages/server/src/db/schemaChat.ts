/** Tables of instant messaging (migration 012). STUB: the chat feature defines them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChatTables {}
