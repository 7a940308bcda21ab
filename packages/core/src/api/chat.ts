/** Instant messaging contract (issue 8). STUB: the chat feature defines it. */
export {};
