export const CHAT_PATH = '/chat';

export function conversationPath(id: string): string {
  return `${CHAT_PATH}/${encodeURIComponent(id)}`;
}

/** One establishment's patient movement notices, shown where a conversation would be. */
export function noticeThreadPath(organisationId: string): string {
  return `${CHAT_PATH}/notices/${encodeURIComponent(organisationId)}`;
}
