export const CHAT_PATH = '/chat';

export function conversationPath(id: string): string {
  return `${CHAT_PATH}/${encodeURIComponent(id)}`;
}
