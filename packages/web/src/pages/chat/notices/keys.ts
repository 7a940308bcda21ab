/** Query keys of the notices, apart so the live socket can name them without loading the schemas. */
export const noticeKeys = {
  all: ['notices'] as const,
  threads: ['notices', 'threads'] as const,
  thread: (organisationId: string) => ['notices', 'thread', organisationId] as const,
};
