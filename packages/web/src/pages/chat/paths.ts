export const CHAT_PATH = '/chat';

export function conversationPath(id: string): string {
  return `${CHAT_PATH}/${encodeURIComponent(id)}`;
}

/** One establishment's patient movement notices, shown where a conversation would be. */
export function noticeThreadPath(organisationId: string): string {
  return `${CHAT_PATH}/notices/${encodeURIComponent(organisationId)}`;
}

/** Opens (or starts) the direct conversation with the owner of a personal mailbox, e.g. from the directory. */
export function chatWithPath(address: string): string {
  return `${CHAT_PATH}?${new URLSearchParams({ with: address }).toString()}`;
}
