/**
 * Raised when the input cannot be HPRIM text at all (binary, unknown encoding). The tolerant reader
 * otherwise never throws: a PDF or a UTF-16 file parsed as text would give a screenful of
 * nonsense "documents", which is worse than a clear refusal.
 */
export class HprimUnreadableError extends Error {
  readonly code = 'HPRIM_UNREADABLE';

  constructor(message: string) {
    super(message);
    this.name = 'HprimUnreadableError';
  }
}
