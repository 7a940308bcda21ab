import type { Deps } from '../deps.ts';

/** Secure instant messaging: conversations, members, end-to-end encrypted messages (issue 8). STUB. */
export class ChatService {
  constructor(private readonly deps: Deps) {}

  protected get dependencies(): Deps {
    return this.deps;
  }
}
